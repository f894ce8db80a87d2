"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.directoryEnv = void 0;
exports.loadDirectoryConfig = loadDirectoryConfig;
var kit_1 = require("@peacegraph/kit");
exports.directoryEnv = {
    DATABASE_URL: kit_1.env.url('PostgreSQL URL of the directory database', ['postgres', 'postgresql']),
    PORT: kit_1.env.port('port the directory subgraph listens on', 4001),
    HOST: kit_1.env.string('interface to listen on', '0.0.0.0'),
    DB_POOL_SIZE: kit_1.env.integer('connections in the database pool', 10, 1),
    LOG_LEVEL: kit_1.env.oneOf('log level', ['trace', 'debug', 'info', 'warn', 'error', 'fatal'], 'info'),
};
function loadDirectoryConfig(source) {
    if (source === void 0) { source = process.env; }
    return (0, kit_1.loadEnvOrExit)(exports.directoryEnv, source);
}

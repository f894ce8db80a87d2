"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.allResolvers = exports.typeDefs = exports.SCHEMA_FILE = void 0;
var node_path_1 = require("node:path");
var kit_1 = require("@peacegraph/kit");
var resolvers_1 = require("./resolvers");
exports.SCHEMA_FILE = node_path_1.default.resolve(__dirname, '../schema.graphql');
var _a = (0, kit_1.loadTypeDefs)(exports.SCHEMA_FILE), source = _a.source, document = _a.document;
exports.typeDefs = document;
exports.allResolvers = __assign(__assign({}, (0, kit_1.scalarResolversFor)(source)), resolvers_1.resolvers);

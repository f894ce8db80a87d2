"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.migrations = void 0;
var _1732300000000_initial_1 = require("./1732300000000-initial");
/** In order; listed explicitly so that migrations load the same under tsx, jest and a bundle. */
exports.migrations = [_1732300000000_initial_1.Initial1732300000000];

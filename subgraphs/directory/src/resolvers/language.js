"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Language = void 0;
var kit_1 = require("@peacegraph/kit");
exports.Language = {
    countries: function (language, _, _a) {
        var loaders = _a.loaders;
        return (0, kit_1.loadPresent)(loaders.country, language.countryCodes);
    },
};

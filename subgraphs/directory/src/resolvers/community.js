"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Community = void 0;
var kit_1 = require("@peacegraph/kit");
exports.Community = {
    adminArea: function (community, _, _a) {
        var loaders = _a.loaders;
        return loaders.adminArea.load(community.adminPcode);
    },
    country: function (community, _, _a) {
        var loaders = _a.loaders;
        return loaders.country.load(community.countryCode);
    },
    languages: function (community, _, _a) {
        var loaders = _a.loaders;
        return (0, kit_1.loadPresent)(loaders.language, community.languageCodes);
    },
};

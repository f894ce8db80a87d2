"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Organisation = void 0;
var kit_1 = require("@peacegraph/kit");
exports.Organisation = {
    countries: function (organisation, _, _a) {
        var loaders = _a.loaders;
        return (0, kit_1.loadPresent)(loaders.country, organisation.countryCodes);
    },
};

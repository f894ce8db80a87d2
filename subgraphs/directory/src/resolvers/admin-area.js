"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AdminArea = void 0;
exports.AdminArea = {
    parent: function (area, _, _a) {
        var loaders = _a.loaders;
        return area.parentPcode ? loaders.adminArea.load(area.parentPcode) : null;
    },
    children: function (area, _, _a) {
        var loaders = _a.loaders;
        return loaders.adminAreaChildren.load(area.pcode);
    },
    country: function (area, _, _a) {
        var loaders = _a.loaders;
        return loaders.country.load(area.countryCode);
    },
};

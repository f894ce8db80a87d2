"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createLoaders = createLoaders;
var kit_1 = require("@peacegraph/kit");
/** Fresh per request: a loader's cache must never outlive the caller it was filled for. */
function createLoaders(repositories) {
    return {
        adminArea: (0, kit_1.keyedLoader)(function (pcodes) { return repositories.adminAreas.byPcodes(pcodes); }, function (a) { return a.pcode; }),
        adminAreaChildren: (0, kit_1.groupedLoader)(function (parents) { return repositories.adminAreas.childrenOf(parents); }, function (a) { var _a; return (_a = a.parentPcode) !== null && _a !== void 0 ? _a : ''; }),
        adminAreasOfCountry: (0, kit_1.groupedLoader)(function (codes) { return repositories.adminAreas.inCountries(codes); }, function (a) { return a.countryCode; }),
        country: (0, kit_1.keyedLoader)(function (codes) { return repositories.countries.byCodes(codes); }, function (c) { return c.code; }),
        language: (0, kit_1.keyedLoader)(function (codes) { return repositories.languages.byCodes(codes); }, function (l) { return l.code; }),
        languagesOfCountry: (0, kit_1.groupedLoader)(function (codes) { return repositories.languages.spokenIn(codes); }, function (l) { return l.countryCodes; }),
        community: (0, kit_1.keyedLoader)(function (ids) { return repositories.communities.byIds(ids); }, function (c) { return c.id; }),
        organisation: (0, kit_1.keyedLoader)(function (ids) { return repositories.organisations.byIds(ids); }, function (o) { return o.id; }),
    };
}

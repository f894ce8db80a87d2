"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Query = void 0;
exports.Query = {
    countries: function (_, __, _a) {
        var repositories = _a.repositories;
        return repositories.countries.all();
    },
    country: function (_, _a, _b) {
        var code = _a.code;
        var loaders = _b.loaders;
        return loaders.country.load(code);
    },
    adminArea: function (_, _a, _b) {
        var pcode = _a.pcode;
        var loaders = _b.loaders;
        return loaders.adminArea.load(pcode);
    },
    adminAreas: function (_, args, _a) {
        var repositories = _a.repositories;
        return repositories.adminAreas.list(args, args);
    },
    community: function (_, _a, _b) {
        var id = _a.id;
        var loaders = _b.loaders;
        return loaders.community.load(id);
    },
    communities: function (_, args, _a) {
        var repositories = _a.repositories;
        return repositories.communities.list(args, args);
    },
    organisation: function (_, _a, _b) {
        var id = _a.id;
        var loaders = _b.loaders;
        return loaders.organisation.load(id);
    },
    organisations: function (_, args, _a) {
        var repositories = _a.repositories;
        return repositories.organisations.list(args, args);
    },
    language: function (_, _a, _b) {
        var code = _a.code;
        var loaders = _b.loaders;
        return loaders.language.load(code);
    },
    languages: function (_, args, _a) {
        var repositories = _a.repositories;
        return repositories.languages.list(args, args);
    },
};

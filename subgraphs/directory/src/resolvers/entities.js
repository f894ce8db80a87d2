"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.entityResolvers = void 0;
/**
 * How the gateway turns another subgraph's reference ({ __typename, key }) into our record. Always
 * through the request's loaders, so a list of 50 references costs one statement per type.
 */
exports.entityResolvers = {
    Country: {
        __resolveReference: function (ref, _a) {
            var loaders = _a.loaders;
            return loaders.country.load(ref.code);
        },
    },
    AdminArea: {
        __resolveReference: function (ref, _a) {
            var loaders = _a.loaders;
            return loaders.adminArea.load(ref.pcode);
        },
    },
    Community: {
        __resolveReference: function (ref, _a) {
            var loaders = _a.loaders;
            return loaders.community.load(ref.id);
        },
    },
    Organisation: {
        __resolveReference: function (ref, _a) {
            var loaders = _a.loaders;
            return loaders.organisation.load(ref.id);
        },
    },
    Language: {
        __resolveReference: function (ref, _a) {
            var loaders = _a.loaders;
            return loaders.language.load(ref.code);
        },
    },
};

"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Mutation = void 0;
exports.Mutation = {
    createCommunity: function (_, _a, _b) {
        var input = _a.input;
        var communities = _b.communities;
        return communities.create(input);
    },
    updateCommunity: function (_, _a, _b) {
        var id = _a.id, version = _a.version, input = _a.input;
        var communities = _b.communities;
        return communities.update(id, version, input);
    },
};

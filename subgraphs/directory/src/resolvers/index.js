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
exports.resolvers = void 0;
var admin_area_1 = require("./admin-area");
var community_1 = require("./community");
var country_1 = require("./country");
var entities_1 = require("./entities");
var language_1 = require("./language");
var mutation_1 = require("./mutation");
var organisation_1 = require("./organisation");
var query_1 = require("./query");
exports.resolvers = {
    Query: query_1.Query,
    Mutation: mutation_1.Mutation,
    Country: __assign(__assign({}, country_1.Country), entities_1.entityResolvers.Country),
    AdminArea: __assign(__assign({}, admin_area_1.AdminArea), entities_1.entityResolvers.AdminArea),
    Community: __assign(__assign({}, community_1.Community), entities_1.entityResolvers.Community),
    Organisation: __assign(__assign({}, organisation_1.Organisation), entities_1.entityResolvers.Organisation),
    Language: __assign(__assign({}, language_1.Language), entities_1.entityResolvers.Language),
};

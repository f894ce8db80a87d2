"use strict";
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.LanguageRepository = void 0;
var typeorm_1 = require("typeorm");
var kit_1 = require("@peacegraph/kit");
var entities_1 = require("../entities");
var LanguageRepository = /** @class */ (function () {
    function LanguageRepository(dataSource) {
        this.rows = dataSource.getRepository(entities_1.Language);
    }
    LanguageRepository.prototype.byCodes = function (codes) {
        return this.rows.findBy({ code: (0, typeorm_1.In)(__spreadArray([], codes, true)) });
    };
    LanguageRepository.prototype.spokenIn = function (countryCodes) {
        return this.rows
            .createQueryBuilder('language')
            .where('language.country_codes && :codes', { codes: __spreadArray([], countryCodes, true) })
            .orderBy('language.name')
            .addOrderBy('language.code')
            .getMany();
    };
    LanguageRepository.prototype.list = function (filter, page) {
        var query = this.rows.createQueryBuilder('language');
        if (filter.country)
            query.andWhere('language.country_codes @> ARRAY[:country]::text[]', { country: filter.country });
        if (filter.search)
            query.andWhere('language.name_key LIKE :search', { search: (0, kit_1.containsPattern)(filter.search) });
        return (0, kit_1.keysetConnection)(query, { keys: [{ expression: 'language.name', value: function (l) { return l.name; } }, { expression: 'language.code', value: function (l) { return l.code; } }] }, page);
    };
    return LanguageRepository;
}());
exports.LanguageRepository = LanguageRepository;

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
exports.AdminAreaRepository = void 0;
var typeorm_1 = require("typeorm");
var kit_1 = require("@peacegraph/kit");
var entities_1 = require("../entities");
var AdminAreaRepository = /** @class */ (function () {
    function AdminAreaRepository(dataSource) {
        this.rows = dataSource.getRepository(entities_1.AdminArea);
    }
    AdminAreaRepository.prototype.byPcodes = function (pcodes) {
        return this.rows.findBy({ pcode: (0, typeorm_1.In)(__spreadArray([], pcodes, true)) });
    };
    AdminAreaRepository.prototype.childrenOf = function (parents) {
        return this.rows.find({ where: { parentPcode: (0, typeorm_1.In)(__spreadArray([], parents, true)) }, order: { pcode: 'ASC' } });
    };
    AdminAreaRepository.prototype.inCountries = function (countryCodes) {
        return this.rows.find({ where: { countryCode: (0, typeorm_1.In)(__spreadArray([], countryCodes, true)) }, order: { pcode: 'ASC' } });
    };
    AdminAreaRepository.prototype.list = function (filter, page) {
        var query = this.rows.createQueryBuilder('area');
        if (filter.country)
            query.andWhere('area.country_code = :country', { country: filter.country });
        if (filter.level !== null && filter.level !== undefined)
            query.andWhere('area.level = :level', { level: filter.level });
        if (filter.parent)
            query.andWhere('area.parent_pcode = :parent', { parent: filter.parent });
        if (filter.search)
            query.andWhere('area.name_key LIKE :search', { search: (0, kit_1.containsPattern)(filter.search) });
        return (0, kit_1.keysetConnection)(query, { keys: [{ expression: 'area.pcode', value: function (a) { return a.pcode; } }] }, page);
    };
    return AdminAreaRepository;
}());
exports.AdminAreaRepository = AdminAreaRepository;

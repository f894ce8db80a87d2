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
exports.OrganisationRepository = void 0;
var typeorm_1 = require("typeorm");
var kit_1 = require("@peacegraph/kit");
var organisation_1 = require("../entities/organisation");
var OrganisationRepository = /** @class */ (function () {
    function OrganisationRepository(dataSource) {
        this.rows = dataSource.getRepository(organisation_1.Organisation);
    }
    OrganisationRepository.prototype.byIds = function (ids) {
        return this.rows.findBy({ id: (0, typeorm_1.In)(__spreadArray([], ids, true)) });
    };
    OrganisationRepository.prototype.list = function (filter, page) {
        var query = this.rows.createQueryBuilder('organisation');
        if (filter.kind)
            query.andWhere('organisation.kind = :kind', { kind: filter.kind });
        if (filter.country)
            query.andWhere('organisation.country_codes @> ARRAY[:country]::text[]', { country: filter.country });
        if (filter.domain)
            query.andWhere('organisation.domains @> ARRAY[:domain]::text[]', { domain: filter.domain });
        if (filter.search)
            query.andWhere('organisation.name_key LIKE :search', { search: (0, kit_1.containsPattern)(filter.search) });
        return (0, kit_1.keysetConnection)(query, { keys: [{ expression: 'organisation.name', value: function (o) { return o.name; } }, { expression: 'organisation.id', value: function (o) { return o.id; } }] }, page);
    };
    return OrganisationRepository;
}());
exports.OrganisationRepository = OrganisationRepository;

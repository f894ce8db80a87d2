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
exports.CountryRepository = void 0;
var typeorm_1 = require("typeorm");
var entities_1 = require("../entities");
var CountryRepository = /** @class */ (function () {
    function CountryRepository(dataSource) {
        this.rows = dataSource.getRepository(entities_1.Country);
    }
    CountryRepository.prototype.all = function () {
        return this.rows.find({ order: { nameEn: 'ASC' } });
    };
    CountryRepository.prototype.byCodes = function (codes) {
        return this.rows.findBy({ code: (0, typeorm_1.In)(__spreadArray([], codes, true)) });
    };
    return CountryRepository;
}());
exports.CountryRepository = CountryRepository;

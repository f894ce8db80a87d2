"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.importReferenceData = importReferenceData;
var node_fs_1 = require("node:fs");
var node_path_1 = require("node:path");
var csv_1 = require("./csv");
var countries_1 = require("./countries");
var DATA_DIR = node_path_1.default.resolve(__dirname, '../../reference-data');
/**
 * Loads the reference data (countries, OCHA admin areas, Glottolog languages) that the product needs
 * to work at all, as upserts: safe on every start, and a new release of the files updates names in
 * place. Runs after migrations, before demo data.
 */
function importReferenceData(dataSource) {
    return __awaiter(this, void 0, void 0, function () {
        var byAlpha3, areas, languages;
        var _this = this;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    byAlpha3 = new Map(countries_1.COUNTRIES.map(function (c) { return [c.alpha3, c.code]; }));
                    areas = (0, csv_1.parseCsv)(node_fs_1.default.readFileSync(node_path_1.default.join(DATA_DIR, 'admin-areas.csv'), 'utf8'))
                        // Parents first, so the foreign key holds inside the single statement's row order.
                        .sort(function (a, b) { return Number(a['level']) - Number(b['level']); });
                    languages = (0, csv_1.parseCsv)(node_fs_1.default.readFileSync(node_path_1.default.join(DATA_DIR, 'languages.csv'), 'utf8'));
                    return [4 /*yield*/, dataSource.transaction(function (db) { return __awaiter(_this, void 0, void 0, function () {
                            var _loop_1, _i, _a, level;
                            return __generator(this, function (_b) {
                                switch (_b.label) {
                                    case 0: return [4 /*yield*/, db.query("INSERT INTO country (code, alpha3, name_en, name_fr, official_languages, min_latitude, max_latitude, min_longitude, max_longitude)\n       SELECT code, alpha3, name_en, name_fr, string_to_array(official, ','), min_lat, max_lat, min_lng, max_lng\n       FROM unnest($1::char(2)[], $2::char(3)[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::float8[], $9::float8[])\n         AS t(code, alpha3, name_en, name_fr, official, min_lat, max_lat, min_lng, max_lng)\n       ON CONFLICT (code) DO UPDATE SET alpha3 = excluded.alpha3, name_en = excluded.name_en, name_fr = excluded.name_fr,\n         official_languages = excluded.official_languages, min_latitude = excluded.min_latitude,\n         max_latitude = excluded.max_latitude, min_longitude = excluded.min_longitude, max_longitude = excluded.max_longitude", [
                                            countries_1.COUNTRIES.map(function (c) { return c.code; }),
                                            countries_1.COUNTRIES.map(function (c) { return c.alpha3; }),
                                            countries_1.COUNTRIES.map(function (c) { return c.nameEn; }),
                                            countries_1.COUNTRIES.map(function (c) { return c.nameFr; }),
                                            countries_1.COUNTRIES.map(function (c) { return c.officialLanguages.join(','); }),
                                            countries_1.COUNTRIES.map(function (c) { return c.latitude[0]; }),
                                            countries_1.COUNTRIES.map(function (c) { return c.latitude[1]; }),
                                            countries_1.COUNTRIES.map(function (c) { return c.longitude[0]; }),
                                            countries_1.COUNTRIES.map(function (c) { return c.longitude[1]; }),
                                        ])];
                                    case 1:
                                        _b.sent();
                                        _loop_1 = function (level) {
                                            var rows;
                                            return __generator(this, function (_c) {
                                                switch (_c.label) {
                                                    case 0:
                                                        rows = areas.filter(function (a) { return Number(a['level']) === level; });
                                                        return [4 /*yield*/, db.query("INSERT INTO admin_area (pcode, country_code, level, name, parent_pcode, valid_from)\n         SELECT * FROM unnest($1::text[], $2::char(2)[], $3::smallint[], $4::text[], $5::text[], $6::date[])\n         ON CONFLICT (pcode) DO UPDATE SET name = excluded.name, parent_pcode = excluded.parent_pcode,\n           valid_from = excluded.valid_from, level = excluded.level, country_code = excluded.country_code", [
                                                                rows.map(function (a) { return a['pcode']; }),
                                                                rows.map(function (a) { return byAlpha3.get(a['country_alpha3']); }),
                                                                rows.map(function (a) { return Number(a['level']); }),
                                                                rows.map(function (a) { return a['name']; }),
                                                                rows.map(function (a) { return (level === 1 ? null : a['parent_pcode']); }),
                                                                rows.map(function (a) { return a['valid_from'] || null; }),
                                                            ])];
                                                    case 1:
                                                        _c.sent();
                                                        return [2 /*return*/];
                                                }
                                            });
                                        };
                                        _i = 0, _a = [1, 2];
                                        _b.label = 2;
                                    case 2:
                                        if (!(_i < _a.length)) return [3 /*break*/, 5];
                                        level = _a[_i];
                                        return [5 /*yield**/, _loop_1(level)];
                                    case 3:
                                        _b.sent();
                                        _b.label = 4;
                                    case 4:
                                        _i++;
                                        return [3 /*break*/, 2];
                                    case 5: return [4 /*yield*/, db.query("INSERT INTO language (code, name, glottocode, country_codes)\n       SELECT code, name, glottocode, CASE WHEN countries = '' THEN '{}'::text[] ELSE string_to_array(countries, ';') END\n       FROM unnest($1::char(3)[], $2::text[], $3::text[], $4::text[]) AS t(code, name, glottocode, countries)\n       ON CONFLICT (code) DO UPDATE SET name = excluded.name, glottocode = excluded.glottocode, country_codes = excluded.country_codes", [
                                            languages.map(function (l) { return l['iso639_3']; }),
                                            languages.map(function (l) { return l['name']; }),
                                            languages.map(function (l) { return l['glottocode'] || null; }),
                                            languages.map(function (l) { var _a; return (_a = l['countries']) !== null && _a !== void 0 ? _a : ''; }),
                                        ])];
                                    case 6:
                                        _b.sent();
                                        return [2 /*return*/];
                                }
                            });
                        }); })];
                case 1:
                    _a.sent();
                    return [2 /*return*/, { countries: countries_1.COUNTRIES.length, adminAreas: areas.length, languages: languages.length }];
            }
        });
    });
}

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
exports.CommunityService = void 0;
var kit_1 = require("@peacegraph/kit");
var entities_1 = require("../entities");
var community_rules_1 = require("./community-rules");
/** The unique index a failed INSERT/UPDATE ran into, if that is why it failed. */
function constraintOf(error) {
    var _a, _b;
    var failure = error;
    if (failure.code !== '23505')
        return undefined;
    return (_a = failure.constraint) !== null && _a !== void 0 ? _a : (_b = failure.driverError) === null || _b === void 0 ? void 0 : _b.constraint;
}
/**
 * Creating and changing communities: everything is checked before the database is touched, and the
 * write is one transaction, so a refused request leaves nothing behind.
 */
var CommunityService = /** @class */ (function () {
    function CommunityService(repositories, loaders) {
        this.repositories = repositories;
        this.loaders = loaders;
    }
    CommunityService.prototype.create = function (input) {
        return __awaiter(this, void 0, void 0, function () {
            var earlier, fields, error_1, earlier;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        if (!input.clientMutationId) return [3 /*break*/, 2];
                        return [4 /*yield*/, this.repositories.communities.byClientMutationId(input.clientMutationId)];
                    case 1:
                        earlier = _a.sent();
                        if (earlier)
                            return [2 /*return*/, earlier];
                        _a.label = 2;
                    case 2: return [4 /*yield*/, this.validate(input, null)];
                    case 3:
                        fields = _a.sent();
                        _a.label = 4;
                    case 4:
                        _a.trys.push([4, 6, , 9]);
                        return [4 /*yield*/, this.write(fields.name, fields.adminPcode, undefined, function (manager) {
                                var _a;
                                return manager.getRepository(entities_1.Community).save(manager.getRepository(entities_1.Community).create(__assign(__assign({}, fields), { clientMutationId: (_a = input.clientMutationId) !== null && _a !== void 0 ? _a : null })));
                            })];
                    case 5: return [2 /*return*/, _a.sent()];
                    case 6:
                        error_1 = _a.sent();
                        if (!(input.clientMutationId && constraintOf(error_1) === 'community_client_mutation_id_key')) return [3 /*break*/, 8];
                        return [4 /*yield*/, this.repositories.communities.byClientMutationId(input.clientMutationId)];
                    case 7:
                        earlier = _a.sent();
                        if (earlier)
                            return [2 /*return*/, earlier];
                        _a.label = 8;
                    case 8: throw error_1;
                    case 9: return [2 /*return*/];
                }
            });
        });
    };
    CommunityService.prototype.update = function (id, version, input) {
        return __awaiter(this, void 0, void 0, function () {
            var current, fields;
            var _this = this;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, this.loaders.community.load(id)];
                    case 1:
                        current = _a.sent();
                        if (!current)
                            throw (0, kit_1.notFound)('Community', id);
                        if (current.version !== version) {
                            throw (0, kit_1.conflict)("Community ".concat(id, " has changed since you read it (version ").concat(current.version, ", you sent ").concat(version, ")"), {
                                currentVersion: current.version,
                            });
                        }
                        return [4 /*yield*/, this.validate(input, current)];
                    case 2:
                        fields = _a.sent();
                        return [2 /*return*/, this.write(fields.name, fields.adminPcode, id, function (manager) { return __awaiter(_this, void 0, void 0, function () {
                                var result;
                                return __generator(this, function (_a) {
                                    switch (_a.label) {
                                        case 0: return [4 /*yield*/, manager
                                                .createQueryBuilder()
                                                .update(entities_1.Community)
                                                .set(__assign(__assign({}, fields), { version: function () { return 'version + 1'; }, updatedAt: function () { return 'now()'; } }))
                                                .where('id = :id AND version = :version', { id: id, version: version })
                                                .execute()];
                                        case 1:
                                            result = _a.sent();
                                            if (result.affected !== 1) {
                                                throw (0, kit_1.conflict)("Community ".concat(id, " has changed since you read it"), {});
                                            }
                                            return [2 /*return*/, manager.getRepository(entities_1.Community).findOneByOrFail({ id: id })];
                                    }
                                });
                            }); })];
                }
            });
        });
    };
    CommunityService.prototype.validate = function (input, current) {
        return __awaiter(this, void 0, void 0, function () {
            var name, alternativeNames, adminPcode, area, country, coordinatesGiven, latitude, longitude, languageCodes, known_1, unknown;
            var _a, _b, _c, _d, _e, _f, _g;
            return __generator(this, function (_h) {
                switch (_h.label) {
                    case 0:
                        if (input.name === null)
                            throw (0, kit_1.badInput)('input.name', 'The name cannot be empty');
                        name = input.name === undefined ? current.name : (0, community_rules_1.cleanName)('input.name', input.name);
                        alternativeNames = input.alternativeNames
                            ? (0, community_rules_1.cleanAlternativeNames)('input.alternativeNames', input.alternativeNames, name)
                            : ((_a = current === null || current === void 0 ? void 0 : current.alternativeNames) !== null && _a !== void 0 ? _a : []);
                        if (input.adminArea === null)
                            throw (0, kit_1.badInput)('input.adminArea', 'A community must lie in an admin area');
                        adminPcode = (_b = input.adminArea) !== null && _b !== void 0 ? _b : current.adminPcode;
                        return [4 /*yield*/, this.loaders.adminArea.load(adminPcode)];
                    case 1:
                        area = _h.sent();
                        if (!area)
                            throw (0, kit_1.badInput)('input.adminArea', "No admin area has the P-code ".concat(adminPcode));
                        return [4 /*yield*/, this.loaders.country.load(area.countryCode)];
                    case 2:
                        country = _h.sent();
                        if (!country)
                            throw new Error("Admin area ".concat(area.pcode, " has no country"));
                        coordinatesGiven = input.latitude !== undefined || input.longitude !== undefined;
                        latitude = coordinatesGiven ? ((_c = input.latitude) !== null && _c !== void 0 ? _c : null) : ((_d = current === null || current === void 0 ? void 0 : current.latitude) !== null && _d !== void 0 ? _d : null);
                        longitude = coordinatesGiven ? ((_e = input.longitude) !== null && _e !== void 0 ? _e : null) : ((_f = current === null || current === void 0 ? void 0 : current.longitude) !== null && _f !== void 0 ? _f : null);
                        (0, community_rules_1.checkCoordinates)(latitude, longitude, country);
                        languageCodes = (_g = current === null || current === void 0 ? void 0 : current.languageCodes) !== null && _g !== void 0 ? _g : [];
                        if (!input.languages) return [3 /*break*/, 4];
                        languageCodes = __spreadArray([], new Set(input.languages), true);
                        return [4 /*yield*/, this.loaders.language.loadMany(languageCodes)];
                    case 3:
                        known_1 = _h.sent();
                        unknown = languageCodes.filter(function (_, i) { return !known_1[i] || known_1[i] instanceof Error; });
                        if (unknown.length > 0) {
                            throw (0, kit_1.badInput)('input.languages', "Unknown ISO 639-3 language code".concat(unknown.length > 1 ? 's' : '', ": ").concat(unknown.join(', ')));
                        }
                        _h.label = 4;
                    case 4: return [2 /*return*/, { name: name, alternativeNames: alternativeNames, adminPcode: adminPcode, countryCode: area.countryCode, latitude: latitude, longitude: longitude, languageCodes: languageCodes }];
                }
            });
        });
    };
    CommunityService.prototype.write = function (name, adminPcode, exceptId, work) {
        return __awaiter(this, void 0, void 0, function () {
            var duplicate, error_2;
            var _this = this;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        duplicate = function () { return (0, kit_1.badInput)('input.name', "A community named \"".concat(name, "\" already exists in admin area ").concat(adminPcode)); };
                        _a.label = 1;
                    case 1:
                        _a.trys.push([1, 3, , 4]);
                        return [4 /*yield*/, this.repositories.communities.transaction(function (manager) { return __awaiter(_this, void 0, void 0, function () {
                                var existing;
                                return __generator(this, function (_a) {
                                    switch (_a.label) {
                                        case 0: return [4 /*yield*/, this.repositories.communities.sameNameInArea(manager, name, adminPcode, exceptId)];
                                        case 1:
                                            existing = _a.sent();
                                            if (existing)
                                                throw duplicate();
                                            return [2 /*return*/, work(manager)];
                                    }
                                });
                            }); })];
                    case 2: return [2 /*return*/, _a.sent()];
                    case 3:
                        error_2 = _a.sent();
                        if (constraintOf(error_2) === 'community_name_in_area')
                            throw duplicate();
                        throw error_2;
                    case 4: return [2 /*return*/];
                }
            });
        });
    };
    return CommunityService;
}());
exports.CommunityService = CommunityService;

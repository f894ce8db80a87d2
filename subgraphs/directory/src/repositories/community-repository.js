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
exports.CommunityRepository = void 0;
var typeorm_1 = require("typeorm");
var kit_1 = require("@peacegraph/kit");
var entities_1 = require("../entities");
var CommunityRepository = /** @class */ (function () {
    function CommunityRepository(dataSource) {
        this.dataSource = dataSource;
        this.rows = dataSource.getRepository(entities_1.Community);
    }
    CommunityRepository.prototype.byIds = function (ids) {
        return this.rows.findBy({ id: (0, typeorm_1.In)(__spreadArray([], ids, true)) });
    };
    CommunityRepository.prototype.byClientMutationId = function (clientMutationId) {
        return this.rows.findOneBy({ clientMutationId: clientMutationId });
    };
    /** Another community with the same name (case and accents ignored) in the same admin area. */
    CommunityRepository.prototype.sameNameInArea = function (manager, name, adminPcode, exceptId) {
        return __awaiter(this, void 0, void 0, function () {
            var query;
            return __generator(this, function (_a) {
                query = manager
                    .getRepository(entities_1.Community)
                    .createQueryBuilder('community')
                    .where('community.admin_pcode = :adminPcode', { adminPcode: adminPcode })
                    .andWhere('search_key(community.name) = search_key(:name)', { name: name });
                if (exceptId)
                    query.andWhere('community.id <> :exceptId', { exceptId: exceptId });
                return [2 /*return*/, query.getOne()];
            });
        });
    };
    CommunityRepository.prototype.list = function (filter, page) {
        var query = this.rows.createQueryBuilder('community');
        if (filter.country)
            query.andWhere('community.country_code = :country', { country: filter.country });
        if (filter.adminArea)
            (0, kit_1.whereWithinAdminArea)(query, 'community.admin_pcode', filter.adminArea);
        if (filter.language)
            query.andWhere('community.language_codes @> ARRAY[:language]::text[]', { language: filter.language });
        if (filter.search)
            query.andWhere('community.name_key LIKE :search', { search: (0, kit_1.containsPattern)(filter.search) });
        return (0, kit_1.keysetConnection)(query, { keys: [{ expression: 'community.name', value: function (c) { return c.name; } }, { expression: 'community.id', value: function (c) { return c.id; } }] }, page);
    };
    CommunityRepository.prototype.transaction = function (work) {
        return this.dataSource.transaction(work);
    };
    return CommunityRepository;
}());
exports.CommunityRepository = CommunityRepository;

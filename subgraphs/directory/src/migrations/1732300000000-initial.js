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
exports.Initial1732300000000 = void 0;
var kit_1 = require("@peacegraph/kit");
/**
 * The directory's first schema. Name searches ignore case and accents through the kit's
 * `search_key()`; trigram indexes serve "contains" searches; P-code prefix indexes serve "in this
 * area and everything under it" (OCHA P-codes of a child start with their parent's).
 */
var Initial1732300000000 = /** @class */ (function () {
    function Initial1732300000000() {
        this.name = 'Initial1732300000000';
    }
    Initial1732300000000.prototype.up = function (db) {
        return __awaiter(this, void 0, void 0, function () {
            var _i, SEARCH_KEY_SQL_1, statement;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0:
                        _i = 0, SEARCH_KEY_SQL_1 = kit_1.SEARCH_KEY_SQL;
                        _a.label = 1;
                    case 1:
                        if (!(_i < SEARCH_KEY_SQL_1.length)) return [3 /*break*/, 4];
                        statement = SEARCH_KEY_SQL_1[_i];
                        return [4 /*yield*/, db.query(statement)];
                    case 2:
                        _a.sent();
                        _a.label = 3;
                    case 3:
                        _i++;
                        return [3 /*break*/, 1];
                    case 4: return [4 /*yield*/, db.query("\n      CREATE TABLE country (\n        code char(2) PRIMARY KEY,\n        alpha3 char(3) NOT NULL UNIQUE,\n        name_en text NOT NULL,\n        name_fr text NOT NULL,\n        official_languages text[] NOT NULL,\n        min_latitude double precision NOT NULL,\n        max_latitude double precision NOT NULL,\n        min_longitude double precision NOT NULL,\n        max_longitude double precision NOT NULL\n      )")];
                    case 5:
                        _a.sent();
                        return [4 /*yield*/, db.query("\n      CREATE TABLE admin_area (\n        pcode text PRIMARY KEY,\n        country_code char(2) NOT NULL REFERENCES country (code),\n        level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),\n        name text NOT NULL CHECK (btrim(name) <> ''),\n        name_key text GENERATED ALWAYS AS (search_key(name)) STORED,\n        parent_pcode text REFERENCES admin_area (pcode),\n        valid_from date,\n        CHECK ((level = 1) = (parent_pcode IS NULL)),\n        CHECK (parent_pcode IS NULL OR pcode LIKE parent_pcode || '%')\n      )")];
                    case 6:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX admin_area_country_level ON admin_area (country_code, level, pcode)")];
                    case 7:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX admin_area_parent ON admin_area (parent_pcode, pcode)")];
                    case 8:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX admin_area_pcode_prefix ON admin_area (pcode text_pattern_ops)")];
                    case 9:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX admin_area_name_search ON admin_area USING gin (name_key gin_trgm_ops)")];
                    case 10:
                        _a.sent();
                        return [4 /*yield*/, db.query("\n      CREATE TABLE language (\n        code char(3) PRIMARY KEY,\n        name text NOT NULL,\n        name_key text GENERATED ALWAYS AS (search_key(name)) STORED,\n        glottocode text,\n        country_codes text[] NOT NULL DEFAULT '{}'\n      )")];
                    case 11:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX language_name_order ON language (name, code)")];
                    case 12:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX language_countries ON language USING gin (country_codes)")];
                    case 13:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX language_name_search ON language USING gin (name_key gin_trgm_ops)")];
                    case 14:
                        _a.sent();
                        return [4 /*yield*/, db.query("\n      CREATE TABLE organisation (\n        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n        name text NOT NULL CHECK (btrim(name) <> ''),\n        name_key text GENERATED ALWAYS AS (search_key(name, ARRAY[acronym])) STORED,\n        acronym text,\n        kind text NOT NULL CHECK (kind IN ('NGO','CSO_NETWORK','INTERGOVERNMENTAL','UN_AGENCY','GOVERNMENT','DONOR')),\n        country_codes text[] NOT NULL DEFAULT '{}',\n        domains text[] NOT NULL DEFAULT '{}',\n        created_at timestamptz NOT NULL DEFAULT now(),\n        updated_at timestamptz NOT NULL DEFAULT now(),\n        version integer NOT NULL DEFAULT 1\n      )")];
                    case 15:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE UNIQUE INDEX organisation_name_unique ON organisation (search_key(name))")];
                    case 16:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX organisation_name_order ON organisation (name, id)")];
                    case 17:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX organisation_kind ON organisation (kind, name, id)")];
                    case 18:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX organisation_countries ON organisation USING gin (country_codes)")];
                    case 19:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX organisation_domains ON organisation USING gin (domains)")];
                    case 20:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX organisation_name_search ON organisation USING gin (name_key gin_trgm_ops)")];
                    case 21:
                        _a.sent();
                        return [4 /*yield*/, db.query("\n      CREATE TABLE community (\n        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),\n        name text NOT NULL CHECK (btrim(name) <> ''),\n        name_key text GENERATED ALWAYS AS (search_key(name, alternative_names)) STORED,\n        alternative_names text[] NOT NULL DEFAULT '{}',\n        admin_pcode text NOT NULL REFERENCES admin_area (pcode),\n        country_code char(2) NOT NULL REFERENCES country (code),\n        latitude double precision CHECK (latitude BETWEEN -90 AND 90),\n        longitude double precision CHECK (longitude BETWEEN -180 AND 180),\n        language_codes text[] NOT NULL DEFAULT '{}',\n        client_mutation_id text UNIQUE,\n        owner_org uuid,\n        created_by text,\n        created_at timestamptz NOT NULL DEFAULT now(),\n        updated_at timestamptz NOT NULL DEFAULT now(),\n        version integer NOT NULL DEFAULT 1,\n        CHECK ((latitude IS NULL) = (longitude IS NULL))\n      )")];
                    case 22:
                        _a.sent();
                        // One community of a name per admin area; the service checks first to give a clear error, the
                        // index closes the race between two concurrent creations.
                        return [4 /*yield*/, db.query("CREATE UNIQUE INDEX community_name_in_area ON community (admin_pcode, search_key(name))")];
                    case 23:
                        // One community of a name per admin area; the service checks first to give a clear error, the
                        // index closes the race between two concurrent creations.
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX community_name_order ON community (name, id)")];
                    case 24:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX community_admin_prefix ON community (admin_pcode text_pattern_ops)")];
                    case 25:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX community_country ON community (country_code, name, id)")];
                    case 26:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX community_languages ON community USING gin (language_codes)")];
                    case 27:
                        _a.sent();
                        return [4 /*yield*/, db.query("CREATE INDEX community_name_search ON community USING gin (name_key gin_trgm_ops)")];
                    case 28:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    Initial1732300000000.prototype.down = function (db) {
        return __awaiter(this, void 0, void 0, function () {
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, db.query("DROP TABLE community, organisation, language, admin_area, country")];
                    case 1:
                        _a.sent();
                        return [4 /*yield*/, db.query("DROP FUNCTION search_key(text, text[])")];
                    case 2:
                        _a.sent();
                        return [4 /*yield*/, db.query("DROP FUNCTION search_key(text)")];
                    case 3:
                        _a.sent();
                        return [2 /*return*/];
                }
            });
        });
    };
    return Initial1732300000000;
}());
exports.Initial1732300000000 = Initial1732300000000;

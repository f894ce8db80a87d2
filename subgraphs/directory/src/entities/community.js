"use strict";
var __esDecorate = (this && this.__esDecorate) || function (ctor, descriptorIn, decorators, contextIn, initializers, extraInitializers) {
    function accept(f) { if (f !== void 0 && typeof f !== "function") throw new TypeError("Function expected"); return f; }
    var kind = contextIn.kind, key = kind === "getter" ? "get" : kind === "setter" ? "set" : "value";
    var target = !descriptorIn && ctor ? contextIn["static"] ? ctor : ctor.prototype : null;
    var descriptor = descriptorIn || (target ? Object.getOwnPropertyDescriptor(target, contextIn.name) : {});
    var _, done = false;
    for (var i = decorators.length - 1; i >= 0; i--) {
        var context = {};
        for (var p in contextIn) context[p] = p === "access" ? {} : contextIn[p];
        for (var p in contextIn.access) context.access[p] = contextIn.access[p];
        context.addInitializer = function (f) { if (done) throw new TypeError("Cannot add initializers after decoration has completed"); extraInitializers.push(accept(f || null)); };
        var result = (0, decorators[i])(kind === "accessor" ? { get: descriptor.get, set: descriptor.set } : descriptor[key], context);
        if (kind === "accessor") {
            if (result === void 0) continue;
            if (result === null || typeof result !== "object") throw new TypeError("Object expected");
            if (_ = accept(result.get)) descriptor.get = _;
            if (_ = accept(result.set)) descriptor.set = _;
            if (_ = accept(result.init)) initializers.unshift(_);
        }
        else if (_ = accept(result)) {
            if (kind === "field") initializers.unshift(_);
            else descriptor[key] = _;
        }
    }
    if (target) Object.defineProperty(target, contextIn.name, descriptor);
    done = true;
};
var __runInitializers = (this && this.__runInitializers) || function (thisArg, initializers, value) {
    var useValue = arguments.length > 2;
    for (var i = 0; i < initializers.length; i++) {
        value = useValue ? initializers[i].call(thisArg, value) : initializers[i].call(thisArg);
    }
    return useValue ? value : void 0;
};
var __setFunctionName = (this && this.__setFunctionName) || function (f, name, prefix) {
    if (typeof name === "symbol") name = name.description ? "[".concat(name.description, "]") : "";
    return Object.defineProperty(f, "name", { configurable: true, value: prefix ? "".concat(prefix, " ", name) : name });
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.Community = void 0;
var typeorm_1 = require("typeorm");
var Community = function () {
    var _classDecorators = [(0, typeorm_1.Entity)('community')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _id_decorators;
    var _id_initializers = [];
    var _id_extraInitializers = [];
    var _name_decorators;
    var _name_initializers = [];
    var _name_extraInitializers = [];
    var _nameKey_decorators;
    var _nameKey_initializers = [];
    var _nameKey_extraInitializers = [];
    var _alternativeNames_decorators;
    var _alternativeNames_initializers = [];
    var _alternativeNames_extraInitializers = [];
    var _adminPcode_decorators;
    var _adminPcode_initializers = [];
    var _adminPcode_extraInitializers = [];
    var _countryCode_decorators;
    var _countryCode_initializers = [];
    var _countryCode_extraInitializers = [];
    var _latitude_decorators;
    var _latitude_initializers = [];
    var _latitude_extraInitializers = [];
    var _longitude_decorators;
    var _longitude_initializers = [];
    var _longitude_extraInitializers = [];
    var _languageCodes_decorators;
    var _languageCodes_initializers = [];
    var _languageCodes_extraInitializers = [];
    var _clientMutationId_decorators;
    var _clientMutationId_initializers = [];
    var _clientMutationId_extraInitializers = [];
    var _ownerOrg_decorators;
    var _ownerOrg_initializers = [];
    var _ownerOrg_extraInitializers = [];
    var _createdBy_decorators;
    var _createdBy_initializers = [];
    var _createdBy_extraInitializers = [];
    var _createdAt_decorators;
    var _createdAt_initializers = [];
    var _createdAt_extraInitializers = [];
    var _updatedAt_decorators;
    var _updatedAt_initializers = [];
    var _updatedAt_extraInitializers = [];
    var _version_decorators;
    var _version_initializers = [];
    var _version_extraInitializers = [];
    var Community = _classThis = /** @class */ (function () {
        function Community_1() {
            this.id = __runInitializers(this, _id_initializers, void 0);
            this.name = (__runInitializers(this, _id_extraInitializers), __runInitializers(this, _name_initializers, void 0));
            this.nameKey = (__runInitializers(this, _name_extraInitializers), __runInitializers(this, _nameKey_initializers, void 0));
            this.alternativeNames = (__runInitializers(this, _nameKey_extraInitializers), __runInitializers(this, _alternativeNames_initializers, void 0));
            /** P-code of the lowest known admin area; descendants are found by P-code prefix. */
            this.adminPcode = (__runInitializers(this, _alternativeNames_extraInitializers), __runInitializers(this, _adminPcode_initializers, void 0));
            this.countryCode = (__runInitializers(this, _adminPcode_extraInitializers), __runInitializers(this, _countryCode_initializers, void 0));
            this.latitude = (__runInitializers(this, _countryCode_extraInitializers), __runInitializers(this, _latitude_initializers, void 0));
            this.longitude = (__runInitializers(this, _latitude_extraInitializers), __runInitializers(this, _longitude_initializers, void 0));
            this.languageCodes = (__runInitializers(this, _longitude_extraInitializers), __runInitializers(this, _languageCodes_initializers, void 0));
            this.clientMutationId = (__runInitializers(this, _languageCodes_extraInitializers), __runInitializers(this, _clientMutationId_initializers, void 0));
            /** The organisation that recorded the community (set once identity lands). */
            this.ownerOrg = (__runInitializers(this, _clientMutationId_extraInitializers), __runInitializers(this, _ownerOrg_initializers, void 0));
            this.createdBy = (__runInitializers(this, _ownerOrg_extraInitializers), __runInitializers(this, _createdBy_initializers, void 0));
            this.createdAt = (__runInitializers(this, _createdBy_extraInitializers), __runInitializers(this, _createdAt_initializers, void 0));
            this.updatedAt = (__runInitializers(this, _createdAt_extraInitializers), __runInitializers(this, _updatedAt_initializers, void 0));
            this.version = (__runInitializers(this, _updatedAt_extraInitializers), __runInitializers(this, _version_initializers, void 0));
            __runInitializers(this, _version_extraInitializers);
        }
        return Community_1;
    }());
    __setFunctionName(_classThis, "Community");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _id_decorators = [(0, typeorm_1.PrimaryGeneratedColumn)('uuid')];
        _name_decorators = [(0, typeorm_1.Column)({ type: 'text' })];
        _nameKey_decorators = [(0, typeorm_1.Column)({ type: 'text', insert: false, update: false })];
        _alternativeNames_decorators = [(0, typeorm_1.Column)({ type: 'text', array: true, default: function () { return "'{}'"; } })];
        _adminPcode_decorators = [(0, typeorm_1.Column)({ type: 'text' })];
        _countryCode_decorators = [(0, typeorm_1.Column)({ type: 'char', length: 2 })];
        _latitude_decorators = [(0, typeorm_1.Column)({ type: 'double precision', nullable: true })];
        _longitude_decorators = [(0, typeorm_1.Column)({ type: 'double precision', nullable: true })];
        _languageCodes_decorators = [(0, typeorm_1.Column)({ type: 'text', array: true, default: function () { return "'{}'"; } })];
        _clientMutationId_decorators = [(0, typeorm_1.Column)({ type: 'text', nullable: true })];
        _ownerOrg_decorators = [(0, typeorm_1.Column)({ type: 'uuid', nullable: true })];
        _createdBy_decorators = [(0, typeorm_1.Column)({ type: 'text', nullable: true })];
        _createdAt_decorators = [(0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' })];
        _updatedAt_decorators = [(0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' })];
        _version_decorators = [(0, typeorm_1.VersionColumn)({ type: 'integer' })];
        __esDecorate(null, null, _id_decorators, { kind: "field", name: "id", static: false, private: false, access: { has: function (obj) { return "id" in obj; }, get: function (obj) { return obj.id; }, set: function (obj, value) { obj.id = value; } }, metadata: _metadata }, _id_initializers, _id_extraInitializers);
        __esDecorate(null, null, _name_decorators, { kind: "field", name: "name", static: false, private: false, access: { has: function (obj) { return "name" in obj; }, get: function (obj) { return obj.name; }, set: function (obj, value) { obj.name = value; } }, metadata: _metadata }, _name_initializers, _name_extraInitializers);
        __esDecorate(null, null, _nameKey_decorators, { kind: "field", name: "nameKey", static: false, private: false, access: { has: function (obj) { return "nameKey" in obj; }, get: function (obj) { return obj.nameKey; }, set: function (obj, value) { obj.nameKey = value; } }, metadata: _metadata }, _nameKey_initializers, _nameKey_extraInitializers);
        __esDecorate(null, null, _alternativeNames_decorators, { kind: "field", name: "alternativeNames", static: false, private: false, access: { has: function (obj) { return "alternativeNames" in obj; }, get: function (obj) { return obj.alternativeNames; }, set: function (obj, value) { obj.alternativeNames = value; } }, metadata: _metadata }, _alternativeNames_initializers, _alternativeNames_extraInitializers);
        __esDecorate(null, null, _adminPcode_decorators, { kind: "field", name: "adminPcode", static: false, private: false, access: { has: function (obj) { return "adminPcode" in obj; }, get: function (obj) { return obj.adminPcode; }, set: function (obj, value) { obj.adminPcode = value; } }, metadata: _metadata }, _adminPcode_initializers, _adminPcode_extraInitializers);
        __esDecorate(null, null, _countryCode_decorators, { kind: "field", name: "countryCode", static: false, private: false, access: { has: function (obj) { return "countryCode" in obj; }, get: function (obj) { return obj.countryCode; }, set: function (obj, value) { obj.countryCode = value; } }, metadata: _metadata }, _countryCode_initializers, _countryCode_extraInitializers);
        __esDecorate(null, null, _latitude_decorators, { kind: "field", name: "latitude", static: false, private: false, access: { has: function (obj) { return "latitude" in obj; }, get: function (obj) { return obj.latitude; }, set: function (obj, value) { obj.latitude = value; } }, metadata: _metadata }, _latitude_initializers, _latitude_extraInitializers);
        __esDecorate(null, null, _longitude_decorators, { kind: "field", name: "longitude", static: false, private: false, access: { has: function (obj) { return "longitude" in obj; }, get: function (obj) { return obj.longitude; }, set: function (obj, value) { obj.longitude = value; } }, metadata: _metadata }, _longitude_initializers, _longitude_extraInitializers);
        __esDecorate(null, null, _languageCodes_decorators, { kind: "field", name: "languageCodes", static: false, private: false, access: { has: function (obj) { return "languageCodes" in obj; }, get: function (obj) { return obj.languageCodes; }, set: function (obj, value) { obj.languageCodes = value; } }, metadata: _metadata }, _languageCodes_initializers, _languageCodes_extraInitializers);
        __esDecorate(null, null, _clientMutationId_decorators, { kind: "field", name: "clientMutationId", static: false, private: false, access: { has: function (obj) { return "clientMutationId" in obj; }, get: function (obj) { return obj.clientMutationId; }, set: function (obj, value) { obj.clientMutationId = value; } }, metadata: _metadata }, _clientMutationId_initializers, _clientMutationId_extraInitializers);
        __esDecorate(null, null, _ownerOrg_decorators, { kind: "field", name: "ownerOrg", static: false, private: false, access: { has: function (obj) { return "ownerOrg" in obj; }, get: function (obj) { return obj.ownerOrg; }, set: function (obj, value) { obj.ownerOrg = value; } }, metadata: _metadata }, _ownerOrg_initializers, _ownerOrg_extraInitializers);
        __esDecorate(null, null, _createdBy_decorators, { kind: "field", name: "createdBy", static: false, private: false, access: { has: function (obj) { return "createdBy" in obj; }, get: function (obj) { return obj.createdBy; }, set: function (obj, value) { obj.createdBy = value; } }, metadata: _metadata }, _createdBy_initializers, _createdBy_extraInitializers);
        __esDecorate(null, null, _createdAt_decorators, { kind: "field", name: "createdAt", static: false, private: false, access: { has: function (obj) { return "createdAt" in obj; }, get: function (obj) { return obj.createdAt; }, set: function (obj, value) { obj.createdAt = value; } }, metadata: _metadata }, _createdAt_initializers, _createdAt_extraInitializers);
        __esDecorate(null, null, _updatedAt_decorators, { kind: "field", name: "updatedAt", static: false, private: false, access: { has: function (obj) { return "updatedAt" in obj; }, get: function (obj) { return obj.updatedAt; }, set: function (obj, value) { obj.updatedAt = value; } }, metadata: _metadata }, _updatedAt_initializers, _updatedAt_extraInitializers);
        __esDecorate(null, null, _version_decorators, { kind: "field", name: "version", static: false, private: false, access: { has: function (obj) { return "version" in obj; }, get: function (obj) { return obj.version; }, set: function (obj, value) { obj.version = value; } }, metadata: _metadata }, _version_initializers, _version_extraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        Community = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return Community = _classThis;
}();
exports.Community = Community;

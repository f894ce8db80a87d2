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
exports.Organisation = exports.DOMAINS = exports.ORGANISATION_KINDS = void 0;
var typeorm_1 = require("typeorm");
exports.ORGANISATION_KINDS = ['NGO', 'CSO_NETWORK', 'INTERGOVERNMENTAL', 'UN_AGENCY', 'GOVERNMENT', 'DONOR'];
exports.DOMAINS = ['DIRECTORY', 'CURRICULUM', 'CONFLICTS', 'FORUMS', 'MINING', 'DISPLACEMENT'];
var Organisation = function () {
    var _classDecorators = [(0, typeorm_1.Entity)('organisation')];
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
    var _acronym_decorators;
    var _acronym_initializers = [];
    var _acronym_extraInitializers = [];
    var _kind_decorators;
    var _kind_initializers = [];
    var _kind_extraInitializers = [];
    var _countryCodes_decorators;
    var _countryCodes_initializers = [];
    var _countryCodes_extraInitializers = [];
    var _domains_decorators;
    var _domains_initializers = [];
    var _domains_extraInitializers = [];
    var _createdAt_decorators;
    var _createdAt_initializers = [];
    var _createdAt_extraInitializers = [];
    var _updatedAt_decorators;
    var _updatedAt_initializers = [];
    var _updatedAt_extraInitializers = [];
    var _version_decorators;
    var _version_initializers = [];
    var _version_extraInitializers = [];
    var Organisation = _classThis = /** @class */ (function () {
        function Organisation_1() {
            this.id = __runInitializers(this, _id_initializers, void 0);
            this.name = (__runInitializers(this, _id_extraInitializers), __runInitializers(this, _name_initializers, void 0));
            this.nameKey = (__runInitializers(this, _name_extraInitializers), __runInitializers(this, _nameKey_initializers, void 0));
            this.acronym = (__runInitializers(this, _nameKey_extraInitializers), __runInitializers(this, _acronym_initializers, void 0));
            this.kind = (__runInitializers(this, _acronym_extraInitializers), __runInitializers(this, _kind_initializers, void 0));
            this.countryCodes = (__runInitializers(this, _kind_extraInitializers), __runInitializers(this, _countryCodes_initializers, void 0));
            this.domains = (__runInitializers(this, _countryCodes_extraInitializers), __runInitializers(this, _domains_initializers, void 0));
            this.createdAt = (__runInitializers(this, _domains_extraInitializers), __runInitializers(this, _createdAt_initializers, void 0));
            this.updatedAt = (__runInitializers(this, _createdAt_extraInitializers), __runInitializers(this, _updatedAt_initializers, void 0));
            this.version = (__runInitializers(this, _updatedAt_extraInitializers), __runInitializers(this, _version_initializers, void 0));
            __runInitializers(this, _version_extraInitializers);
        }
        return Organisation_1;
    }());
    __setFunctionName(_classThis, "Organisation");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _id_decorators = [(0, typeorm_1.PrimaryGeneratedColumn)('uuid')];
        _name_decorators = [(0, typeorm_1.Column)({ type: 'text' })];
        _nameKey_decorators = [(0, typeorm_1.Column)({ type: 'text', insert: false, update: false })];
        _acronym_decorators = [(0, typeorm_1.Column)({ type: 'text', nullable: true })];
        _kind_decorators = [(0, typeorm_1.Column)({ type: 'text' })];
        _countryCodes_decorators = [(0, typeorm_1.Column)({ type: 'text', array: true, default: function () { return "'{}'"; } })];
        _domains_decorators = [(0, typeorm_1.Column)({ type: 'text', array: true, default: function () { return "'{}'"; } })];
        _createdAt_decorators = [(0, typeorm_1.CreateDateColumn)({ type: 'timestamptz' })];
        _updatedAt_decorators = [(0, typeorm_1.UpdateDateColumn)({ type: 'timestamptz' })];
        _version_decorators = [(0, typeorm_1.VersionColumn)({ type: 'integer' })];
        __esDecorate(null, null, _id_decorators, { kind: "field", name: "id", static: false, private: false, access: { has: function (obj) { return "id" in obj; }, get: function (obj) { return obj.id; }, set: function (obj, value) { obj.id = value; } }, metadata: _metadata }, _id_initializers, _id_extraInitializers);
        __esDecorate(null, null, _name_decorators, { kind: "field", name: "name", static: false, private: false, access: { has: function (obj) { return "name" in obj; }, get: function (obj) { return obj.name; }, set: function (obj, value) { obj.name = value; } }, metadata: _metadata }, _name_initializers, _name_extraInitializers);
        __esDecorate(null, null, _nameKey_decorators, { kind: "field", name: "nameKey", static: false, private: false, access: { has: function (obj) { return "nameKey" in obj; }, get: function (obj) { return obj.nameKey; }, set: function (obj, value) { obj.nameKey = value; } }, metadata: _metadata }, _nameKey_initializers, _nameKey_extraInitializers);
        __esDecorate(null, null, _acronym_decorators, { kind: "field", name: "acronym", static: false, private: false, access: { has: function (obj) { return "acronym" in obj; }, get: function (obj) { return obj.acronym; }, set: function (obj, value) { obj.acronym = value; } }, metadata: _metadata }, _acronym_initializers, _acronym_extraInitializers);
        __esDecorate(null, null, _kind_decorators, { kind: "field", name: "kind", static: false, private: false, access: { has: function (obj) { return "kind" in obj; }, get: function (obj) { return obj.kind; }, set: function (obj, value) { obj.kind = value; } }, metadata: _metadata }, _kind_initializers, _kind_extraInitializers);
        __esDecorate(null, null, _countryCodes_decorators, { kind: "field", name: "countryCodes", static: false, private: false, access: { has: function (obj) { return "countryCodes" in obj; }, get: function (obj) { return obj.countryCodes; }, set: function (obj, value) { obj.countryCodes = value; } }, metadata: _metadata }, _countryCodes_initializers, _countryCodes_extraInitializers);
        __esDecorate(null, null, _domains_decorators, { kind: "field", name: "domains", static: false, private: false, access: { has: function (obj) { return "domains" in obj; }, get: function (obj) { return obj.domains; }, set: function (obj, value) { obj.domains = value; } }, metadata: _metadata }, _domains_initializers, _domains_extraInitializers);
        __esDecorate(null, null, _createdAt_decorators, { kind: "field", name: "createdAt", static: false, private: false, access: { has: function (obj) { return "createdAt" in obj; }, get: function (obj) { return obj.createdAt; }, set: function (obj, value) { obj.createdAt = value; } }, metadata: _metadata }, _createdAt_initializers, _createdAt_extraInitializers);
        __esDecorate(null, null, _updatedAt_decorators, { kind: "field", name: "updatedAt", static: false, private: false, access: { has: function (obj) { return "updatedAt" in obj; }, get: function (obj) { return obj.updatedAt; }, set: function (obj, value) { obj.updatedAt = value; } }, metadata: _metadata }, _updatedAt_initializers, _updatedAt_extraInitializers);
        __esDecorate(null, null, _version_decorators, { kind: "field", name: "version", static: false, private: false, access: { has: function (obj) { return "version" in obj; }, get: function (obj) { return obj.version; }, set: function (obj, value) { obj.version = value; } }, metadata: _metadata }, _version_initializers, _version_extraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        Organisation = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return Organisation = _classThis;
}();
exports.Organisation = Organisation;

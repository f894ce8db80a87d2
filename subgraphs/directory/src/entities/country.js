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
exports.Country = void 0;
var typeorm_1 = require("typeorm");
var Country = function () {
    var _classDecorators = [(0, typeorm_1.Entity)('country')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _code_decorators;
    var _code_initializers = [];
    var _code_extraInitializers = [];
    var _alpha3_decorators;
    var _alpha3_initializers = [];
    var _alpha3_extraInitializers = [];
    var _nameEn_decorators;
    var _nameEn_initializers = [];
    var _nameEn_extraInitializers = [];
    var _nameFr_decorators;
    var _nameFr_initializers = [];
    var _nameFr_extraInitializers = [];
    var _officialLanguages_decorators;
    var _officialLanguages_initializers = [];
    var _officialLanguages_extraInitializers = [];
    var _minLatitude_decorators;
    var _minLatitude_initializers = [];
    var _minLatitude_extraInitializers = [];
    var _maxLatitude_decorators;
    var _maxLatitude_initializers = [];
    var _maxLatitude_extraInitializers = [];
    var _minLongitude_decorators;
    var _minLongitude_initializers = [];
    var _minLongitude_extraInitializers = [];
    var _maxLongitude_decorators;
    var _maxLongitude_initializers = [];
    var _maxLongitude_extraInitializers = [];
    var Country = _classThis = /** @class */ (function () {
        function Country_1() {
            /** ISO 3166-1 alpha-2 */
            this.code = __runInitializers(this, _code_initializers, void 0);
            this.alpha3 = (__runInitializers(this, _code_extraInitializers), __runInitializers(this, _alpha3_initializers, void 0));
            this.nameEn = (__runInitializers(this, _alpha3_extraInitializers), __runInitializers(this, _nameEn_initializers, void 0));
            this.nameFr = (__runInitializers(this, _nameEn_extraInitializers), __runInitializers(this, _nameFr_initializers, void 0));
            this.officialLanguages = (__runInitializers(this, _nameFr_extraInitializers), __runInitializers(this, _officialLanguages_initializers, void 0));
            this.minLatitude = (__runInitializers(this, _officialLanguages_extraInitializers), __runInitializers(this, _minLatitude_initializers, void 0));
            this.maxLatitude = (__runInitializers(this, _minLatitude_extraInitializers), __runInitializers(this, _maxLatitude_initializers, void 0));
            this.minLongitude = (__runInitializers(this, _maxLatitude_extraInitializers), __runInitializers(this, _minLongitude_initializers, void 0));
            this.maxLongitude = (__runInitializers(this, _minLongitude_extraInitializers), __runInitializers(this, _maxLongitude_initializers, void 0));
            __runInitializers(this, _maxLongitude_extraInitializers);
        }
        return Country_1;
    }());
    __setFunctionName(_classThis, "Country");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _code_decorators = [(0, typeorm_1.PrimaryColumn)({ type: 'char', length: 2 })];
        _alpha3_decorators = [(0, typeorm_1.Column)({ type: 'char', length: 3, unique: true })];
        _nameEn_decorators = [(0, typeorm_1.Column)({ type: 'text' })];
        _nameFr_decorators = [(0, typeorm_1.Column)({ type: 'text' })];
        _officialLanguages_decorators = [(0, typeorm_1.Column)({ type: 'text', array: true })];
        _minLatitude_decorators = [(0, typeorm_1.Column)({ type: 'double precision' })];
        _maxLatitude_decorators = [(0, typeorm_1.Column)({ type: 'double precision' })];
        _minLongitude_decorators = [(0, typeorm_1.Column)({ type: 'double precision' })];
        _maxLongitude_decorators = [(0, typeorm_1.Column)({ type: 'double precision' })];
        __esDecorate(null, null, _code_decorators, { kind: "field", name: "code", static: false, private: false, access: { has: function (obj) { return "code" in obj; }, get: function (obj) { return obj.code; }, set: function (obj, value) { obj.code = value; } }, metadata: _metadata }, _code_initializers, _code_extraInitializers);
        __esDecorate(null, null, _alpha3_decorators, { kind: "field", name: "alpha3", static: false, private: false, access: { has: function (obj) { return "alpha3" in obj; }, get: function (obj) { return obj.alpha3; }, set: function (obj, value) { obj.alpha3 = value; } }, metadata: _metadata }, _alpha3_initializers, _alpha3_extraInitializers);
        __esDecorate(null, null, _nameEn_decorators, { kind: "field", name: "nameEn", static: false, private: false, access: { has: function (obj) { return "nameEn" in obj; }, get: function (obj) { return obj.nameEn; }, set: function (obj, value) { obj.nameEn = value; } }, metadata: _metadata }, _nameEn_initializers, _nameEn_extraInitializers);
        __esDecorate(null, null, _nameFr_decorators, { kind: "field", name: "nameFr", static: false, private: false, access: { has: function (obj) { return "nameFr" in obj; }, get: function (obj) { return obj.nameFr; }, set: function (obj, value) { obj.nameFr = value; } }, metadata: _metadata }, _nameFr_initializers, _nameFr_extraInitializers);
        __esDecorate(null, null, _officialLanguages_decorators, { kind: "field", name: "officialLanguages", static: false, private: false, access: { has: function (obj) { return "officialLanguages" in obj; }, get: function (obj) { return obj.officialLanguages; }, set: function (obj, value) { obj.officialLanguages = value; } }, metadata: _metadata }, _officialLanguages_initializers, _officialLanguages_extraInitializers);
        __esDecorate(null, null, _minLatitude_decorators, { kind: "field", name: "minLatitude", static: false, private: false, access: { has: function (obj) { return "minLatitude" in obj; }, get: function (obj) { return obj.minLatitude; }, set: function (obj, value) { obj.minLatitude = value; } }, metadata: _metadata }, _minLatitude_initializers, _minLatitude_extraInitializers);
        __esDecorate(null, null, _maxLatitude_decorators, { kind: "field", name: "maxLatitude", static: false, private: false, access: { has: function (obj) { return "maxLatitude" in obj; }, get: function (obj) { return obj.maxLatitude; }, set: function (obj, value) { obj.maxLatitude = value; } }, metadata: _metadata }, _maxLatitude_initializers, _maxLatitude_extraInitializers);
        __esDecorate(null, null, _minLongitude_decorators, { kind: "field", name: "minLongitude", static: false, private: false, access: { has: function (obj) { return "minLongitude" in obj; }, get: function (obj) { return obj.minLongitude; }, set: function (obj, value) { obj.minLongitude = value; } }, metadata: _metadata }, _minLongitude_initializers, _minLongitude_extraInitializers);
        __esDecorate(null, null, _maxLongitude_decorators, { kind: "field", name: "maxLongitude", static: false, private: false, access: { has: function (obj) { return "maxLongitude" in obj; }, get: function (obj) { return obj.maxLongitude; }, set: function (obj, value) { obj.maxLongitude = value; } }, metadata: _metadata }, _maxLongitude_initializers, _maxLongitude_extraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        Country = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return Country = _classThis;
}();
exports.Country = Country;

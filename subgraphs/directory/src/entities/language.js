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
exports.Language = void 0;
var typeorm_1 = require("typeorm");
var Language = function () {
    var _classDecorators = [(0, typeorm_1.Entity)('language')];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _code_decorators;
    var _code_initializers = [];
    var _code_extraInitializers = [];
    var _name_decorators;
    var _name_initializers = [];
    var _name_extraInitializers = [];
    var _nameKey_decorators;
    var _nameKey_initializers = [];
    var _nameKey_extraInitializers = [];
    var _glottocode_decorators;
    var _glottocode_initializers = [];
    var _glottocode_extraInitializers = [];
    var _countryCodes_decorators;
    var _countryCodes_initializers = [];
    var _countryCodes_extraInitializers = [];
    var Language = _classThis = /** @class */ (function () {
        function Language_1() {
            /** ISO 639-3 */
            this.code = __runInitializers(this, _code_initializers, void 0);
            this.name = (__runInitializers(this, _code_extraInitializers), __runInitializers(this, _name_initializers, void 0));
            this.nameKey = (__runInitializers(this, _name_extraInitializers), __runInitializers(this, _nameKey_initializers, void 0));
            this.glottocode = (__runInitializers(this, _nameKey_extraInitializers), __runInitializers(this, _glottocode_initializers, void 0));
            /** Countries of the platform where Glottolog records the language (ISO alpha-2). */
            this.countryCodes = (__runInitializers(this, _glottocode_extraInitializers), __runInitializers(this, _countryCodes_initializers, void 0));
            __runInitializers(this, _countryCodes_extraInitializers);
        }
        return Language_1;
    }());
    __setFunctionName(_classThis, "Language");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _code_decorators = [(0, typeorm_1.PrimaryColumn)({ type: 'char', length: 3 })];
        _name_decorators = [(0, typeorm_1.Column)({ type: 'text' })];
        _nameKey_decorators = [(0, typeorm_1.Column)({ type: 'text', insert: false, update: false })];
        _glottocode_decorators = [(0, typeorm_1.Column)({ type: 'text', nullable: true })];
        _countryCodes_decorators = [(0, typeorm_1.Column)({ type: 'text', array: true })];
        __esDecorate(null, null, _code_decorators, { kind: "field", name: "code", static: false, private: false, access: { has: function (obj) { return "code" in obj; }, get: function (obj) { return obj.code; }, set: function (obj, value) { obj.code = value; } }, metadata: _metadata }, _code_initializers, _code_extraInitializers);
        __esDecorate(null, null, _name_decorators, { kind: "field", name: "name", static: false, private: false, access: { has: function (obj) { return "name" in obj; }, get: function (obj) { return obj.name; }, set: function (obj, value) { obj.name = value; } }, metadata: _metadata }, _name_initializers, _name_extraInitializers);
        __esDecorate(null, null, _nameKey_decorators, { kind: "field", name: "nameKey", static: false, private: false, access: { has: function (obj) { return "nameKey" in obj; }, get: function (obj) { return obj.nameKey; }, set: function (obj, value) { obj.nameKey = value; } }, metadata: _metadata }, _nameKey_initializers, _nameKey_extraInitializers);
        __esDecorate(null, null, _glottocode_decorators, { kind: "field", name: "glottocode", static: false, private: false, access: { has: function (obj) { return "glottocode" in obj; }, get: function (obj) { return obj.glottocode; }, set: function (obj, value) { obj.glottocode = value; } }, metadata: _metadata }, _glottocode_initializers, _glottocode_extraInitializers);
        __esDecorate(null, null, _countryCodes_decorators, { kind: "field", name: "countryCodes", static: false, private: false, access: { has: function (obj) { return "countryCodes" in obj; }, get: function (obj) { return obj.countryCodes; }, set: function (obj, value) { obj.countryCodes = value; } }, metadata: _metadata }, _countryCodes_initializers, _countryCodes_extraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        Language = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return Language = _classThis;
}();
exports.Language = Language;

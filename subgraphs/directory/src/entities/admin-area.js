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
exports.AdminArea = void 0;
var typeorm_1 = require("typeorm");
var AdminArea = function () {
    var _classDecorators = [(0, typeorm_1.Entity)('admin_area'), (0, typeorm_1.Index)(['countryCode', 'level', 'pcode'])];
    var _classDescriptor;
    var _classExtraInitializers = [];
    var _classThis;
    var _pcode_decorators;
    var _pcode_initializers = [];
    var _pcode_extraInitializers = [];
    var _countryCode_decorators;
    var _countryCode_initializers = [];
    var _countryCode_extraInitializers = [];
    var _level_decorators;
    var _level_initializers = [];
    var _level_extraInitializers = [];
    var _name_decorators;
    var _name_initializers = [];
    var _name_extraInitializers = [];
    var _nameKey_decorators;
    var _nameKey_initializers = [];
    var _nameKey_extraInitializers = [];
    var _parentPcode_decorators;
    var _parentPcode_initializers = [];
    var _parentPcode_extraInitializers = [];
    var _validFrom_decorators;
    var _validFrom_initializers = [];
    var _validFrom_extraInitializers = [];
    var AdminArea = _classThis = /** @class */ (function () {
        function AdminArea_1() {
            this.pcode = __runInitializers(this, _pcode_initializers, void 0);
            this.countryCode = (__runInitializers(this, _pcode_extraInitializers), __runInitializers(this, _countryCode_initializers, void 0));
            this.level = (__runInitializers(this, _countryCode_extraInitializers), __runInitializers(this, _level_initializers, void 0));
            this.name = (__runInitializers(this, _level_extraInitializers), __runInitializers(this, _name_initializers, void 0));
            /** Lower-cased and unaccented name, computed by PostgreSQL; used for search. */
            this.nameKey = (__runInitializers(this, _name_extraInitializers), __runInitializers(this, _nameKey_initializers, void 0));
            this.parentPcode = (__runInitializers(this, _nameKey_extraInitializers), __runInitializers(this, _parentPcode_initializers, void 0));
            this.validFrom = (__runInitializers(this, _parentPcode_extraInitializers), __runInitializers(this, _validFrom_initializers, void 0));
            __runInitializers(this, _validFrom_extraInitializers);
        }
        return AdminArea_1;
    }());
    __setFunctionName(_classThis, "AdminArea");
    (function () {
        var _metadata = typeof Symbol === "function" && Symbol.metadata ? Object.create(null) : void 0;
        _pcode_decorators = [(0, typeorm_1.PrimaryColumn)({ type: 'text' })];
        _countryCode_decorators = [(0, typeorm_1.Column)({ type: 'char', length: 2 })];
        _level_decorators = [(0, typeorm_1.Column)({ type: 'smallint' })];
        _name_decorators = [(0, typeorm_1.Column)({ type: 'text' })];
        _nameKey_decorators = [(0, typeorm_1.Column)({ type: 'text', insert: false, update: false })];
        _parentPcode_decorators = [(0, typeorm_1.Index)(), (0, typeorm_1.Column)({ type: 'text', nullable: true })];
        _validFrom_decorators = [(0, typeorm_1.Column)({ type: 'date', nullable: true })];
        __esDecorate(null, null, _pcode_decorators, { kind: "field", name: "pcode", static: false, private: false, access: { has: function (obj) { return "pcode" in obj; }, get: function (obj) { return obj.pcode; }, set: function (obj, value) { obj.pcode = value; } }, metadata: _metadata }, _pcode_initializers, _pcode_extraInitializers);
        __esDecorate(null, null, _countryCode_decorators, { kind: "field", name: "countryCode", static: false, private: false, access: { has: function (obj) { return "countryCode" in obj; }, get: function (obj) { return obj.countryCode; }, set: function (obj, value) { obj.countryCode = value; } }, metadata: _metadata }, _countryCode_initializers, _countryCode_extraInitializers);
        __esDecorate(null, null, _level_decorators, { kind: "field", name: "level", static: false, private: false, access: { has: function (obj) { return "level" in obj; }, get: function (obj) { return obj.level; }, set: function (obj, value) { obj.level = value; } }, metadata: _metadata }, _level_initializers, _level_extraInitializers);
        __esDecorate(null, null, _name_decorators, { kind: "field", name: "name", static: false, private: false, access: { has: function (obj) { return "name" in obj; }, get: function (obj) { return obj.name; }, set: function (obj, value) { obj.name = value; } }, metadata: _metadata }, _name_initializers, _name_extraInitializers);
        __esDecorate(null, null, _nameKey_decorators, { kind: "field", name: "nameKey", static: false, private: false, access: { has: function (obj) { return "nameKey" in obj; }, get: function (obj) { return obj.nameKey; }, set: function (obj, value) { obj.nameKey = value; } }, metadata: _metadata }, _nameKey_initializers, _nameKey_extraInitializers);
        __esDecorate(null, null, _parentPcode_decorators, { kind: "field", name: "parentPcode", static: false, private: false, access: { has: function (obj) { return "parentPcode" in obj; }, get: function (obj) { return obj.parentPcode; }, set: function (obj, value) { obj.parentPcode = value; } }, metadata: _metadata }, _parentPcode_initializers, _parentPcode_extraInitializers);
        __esDecorate(null, null, _validFrom_decorators, { kind: "field", name: "validFrom", static: false, private: false, access: { has: function (obj) { return "validFrom" in obj; }, get: function (obj) { return obj.validFrom; }, set: function (obj, value) { obj.validFrom = value; } }, metadata: _metadata }, _validFrom_initializers, _validFrom_extraInitializers);
        __esDecorate(null, _classDescriptor = { value: _classThis }, _classDecorators, { kind: "class", name: _classThis.name, metadata: _metadata }, null, _classExtraInitializers);
        AdminArea = _classThis = _classDescriptor.value;
        if (_metadata) Object.defineProperty(_classThis, Symbol.metadata, { enumerable: true, configurable: true, writable: true, value: _metadata });
        __runInitializers(_classThis, _classExtraInitializers);
    })();
    return AdminArea = _classThis;
}();
exports.AdminArea = AdminArea;

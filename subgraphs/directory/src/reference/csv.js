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
exports.parseCsv = parseCsv;
exports.toCsv = toCsv;
/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Small and strict, because
 * reference data must load exactly as published.
 */
function parseCsv(text) {
    var rows = [];
    var row = [];
    var field = '';
    var quoted = false;
    for (var i = 0; i < text.length; i += 1) {
        var char = text[i];
        if (quoted) {
            if (char === '"' && text[i + 1] === '"') {
                field += '"';
                i += 1;
            }
            else if (char === '"') {
                quoted = false;
            }
            else {
                field += char;
            }
        }
        else if (char === '"') {
            quoted = true;
        }
        else if (char === ',') {
            row.push(field);
            field = '';
        }
        else if (char === '\n' || char === '\r') {
            if (char === '\r' && text[i + 1] === '\n')
                i += 1;
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
        }
        else {
            field += char;
        }
    }
    if (field !== '' || row.length > 0) {
        row.push(field);
        rows.push(row);
    }
    var _a = rows.filter(function (r) { return !(r.length === 1 && r[0] === ''); }), header = _a[0], body = _a.slice(1);
    if (!header)
        return [];
    return body.map(function (cells) { return Object.fromEntries(header.map(function (name, i) { var _a; return [name.replace(/^\uFEFF/, ''), (_a = cells[i]) !== null && _a !== void 0 ? _a : '']; })); });
}
function quote(value) {
    return /[",\n\r]/.test(value) ? "\"".concat(value.replace(/"/g, '""'), "\"") : value;
}
function toCsv(header, rows) {
    return __spreadArray([header], rows, true).map(function (cells) { return cells.map(quote).join(','); }).join('\n') + '\n';
}

import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 42463:
/***/ ((module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
const core_1 = __nccwpck_require__(63893);
const draft7_1 = __nccwpck_require__(39941);
const discriminator_1 = __nccwpck_require__(28886);
const draft7MetaSchema = __nccwpck_require__(72079);
const META_SUPPORT_DATA = ["/properties"];
const META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
class Ajv extends core_1.default {
    _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
            this.addKeyword(discriminator_1.default);
    }
    _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
            return;
        const metaSchema = this.opts.$data
            ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA)
            : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
    }
    defaultMeta() {
        return (this.opts.defaultMeta =
            super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : undefined));
    }
}
exports.Ajv = Ajv;
module.exports = exports = Ajv;
module.exports.Ajv = Ajv;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports["default"] = Ajv;
var validate_1 = __nccwpck_require__(87881);
Object.defineProperty(exports, "KeywordCxt", ({ enumerable: true, get: function () { return validate_1.KeywordCxt; } }));
var codegen_1 = __nccwpck_require__(81436);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return codegen_1._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return codegen_1.str; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return codegen_1.stringify; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return codegen_1.nil; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return codegen_1.Name; } }));
Object.defineProperty(exports, "CodeGen", ({ enumerable: true, get: function () { return codegen_1.CodeGen; } }));
var validation_error_1 = __nccwpck_require__(33021);
Object.defineProperty(exports, "ValidationError", ({ enumerable: true, get: function () { return validation_error_1.default; } }));
var ref_error_1 = __nccwpck_require__(53162);
Object.defineProperty(exports, "MissingRefError", ({ enumerable: true, get: function () { return ref_error_1.default; } }));
//# sourceMappingURL=ajv.js.map

/***/ }),

/***/ 80567:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.regexpCode = exports.getEsmExportName = exports.getProperty = exports.safeStringify = exports.stringify = exports.strConcat = exports.addCodeArg = exports.str = exports._ = exports.nil = exports._Code = exports.Name = exports.IDENTIFIER = exports._CodeOrName = void 0;
// eslint-disable-next-line @typescript-eslint/no-extraneous-class
class _CodeOrName {
}
exports._CodeOrName = _CodeOrName;
exports.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
class Name extends _CodeOrName {
    constructor(s) {
        super();
        if (!exports.IDENTIFIER.test(s))
            throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
    }
    toString() {
        return this.str;
    }
    emptyStr() {
        return false;
    }
    get names() {
        return { [this.str]: 1 };
    }
}
exports.Name = Name;
class _Code extends _CodeOrName {
    constructor(code) {
        super();
        this._items = typeof code === "string" ? [code] : code;
    }
    toString() {
        return this.str;
    }
    emptyStr() {
        if (this._items.length > 1)
            return false;
        const item = this._items[0];
        return item === "" || item === '""';
    }
    get str() {
        var _a;
        return ((_a = this._str) !== null && _a !== void 0 ? _a : (this._str = this._items.reduce((s, c) => `${s}${c}`, "")));
    }
    get names() {
        var _a;
        return ((_a = this._names) !== null && _a !== void 0 ? _a : (this._names = this._items.reduce((names, c) => {
            if (c instanceof Name)
                names[c.str] = (names[c.str] || 0) + 1;
            return names;
        }, {})));
    }
}
exports._Code = _Code;
exports.nil = new _Code("");
function _(strs, ...args) {
    const code = [strs[0]];
    let i = 0;
    while (i < args.length) {
        addCodeArg(code, args[i]);
        code.push(strs[++i]);
    }
    return new _Code(code);
}
exports._ = _;
const plus = new _Code("+");
function str(strs, ...args) {
    const expr = [safeStringify(strs[0])];
    let i = 0;
    while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
    }
    optimize(expr);
    return new _Code(expr);
}
exports.str = str;
function addCodeArg(code, arg) {
    if (arg instanceof _Code)
        code.push(...arg._items);
    else if (arg instanceof Name)
        code.push(arg);
    else
        code.push(interpolate(arg));
}
exports.addCodeArg = addCodeArg;
function optimize(expr) {
    let i = 1;
    while (i < expr.length - 1) {
        if (expr[i] === plus) {
            const res = mergeExprItems(expr[i - 1], expr[i + 1]);
            if (res !== undefined) {
                expr.splice(i - 1, 3, res);
                continue;
            }
            expr[i++] = "+";
        }
        i++;
    }
}
function mergeExprItems(a, b) {
    if (b === '""')
        return a;
    if (a === '""')
        return b;
    if (typeof a == "string") {
        if (b instanceof Name || a[a.length - 1] !== '"')
            return;
        if (typeof b != "string")
            return `${a.slice(0, -1)}${b}"`;
        if (b[0] === '"')
            return a.slice(0, -1) + b.slice(1);
        return;
    }
    if (typeof b == "string" && b[0] === '"' && !(a instanceof Name))
        return `"${a}${b.slice(1)}`;
    return;
}
function strConcat(c1, c2) {
    return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str `${c1}${c2}`;
}
exports.strConcat = strConcat;
// TODO do not allow arrays here
function interpolate(x) {
    return typeof x == "number" || typeof x == "boolean" || x === null
        ? x
        : safeStringify(Array.isArray(x) ? x.join(",") : x);
}
function stringify(x) {
    return new _Code(safeStringify(x));
}
exports.stringify = stringify;
function safeStringify(x) {
    return JSON.stringify(x)
        .replace(/\u2028/g, "\\u2028")
        .replace(/\u2029/g, "\\u2029");
}
exports.safeStringify = safeStringify;
function getProperty(key) {
    return typeof key == "string" && exports.IDENTIFIER.test(key) ? new _Code(`.${key}`) : _ `[${key}]`;
}
exports.getProperty = getProperty;
//Does best effort to format the name properly
function getEsmExportName(key) {
    if (typeof key == "string" && exports.IDENTIFIER.test(key)) {
        return new _Code(`${key}`);
    }
    throw new Error(`CodeGen: invalid export name: ${key}, use explicit $id name mapping`);
}
exports.getEsmExportName = getEsmExportName;
function regexpCode(rx) {
    return new _Code(rx.toString());
}
exports.regexpCode = regexpCode;
//# sourceMappingURL=code.js.map

/***/ }),

/***/ 81436:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.or = exports.and = exports.not = exports.CodeGen = exports.operators = exports.varKinds = exports.ValueScopeName = exports.ValueScope = exports.Scope = exports.Name = exports.regexpCode = exports.stringify = exports.getProperty = exports.nil = exports.strConcat = exports.str = exports._ = void 0;
const code_1 = __nccwpck_require__(80567);
const scope_1 = __nccwpck_require__(77788);
var code_2 = __nccwpck_require__(80567);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return code_2._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return code_2.str; } }));
Object.defineProperty(exports, "strConcat", ({ enumerable: true, get: function () { return code_2.strConcat; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return code_2.nil; } }));
Object.defineProperty(exports, "getProperty", ({ enumerable: true, get: function () { return code_2.getProperty; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return code_2.stringify; } }));
Object.defineProperty(exports, "regexpCode", ({ enumerable: true, get: function () { return code_2.regexpCode; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return code_2.Name; } }));
var scope_2 = __nccwpck_require__(77788);
Object.defineProperty(exports, "Scope", ({ enumerable: true, get: function () { return scope_2.Scope; } }));
Object.defineProperty(exports, "ValueScope", ({ enumerable: true, get: function () { return scope_2.ValueScope; } }));
Object.defineProperty(exports, "ValueScopeName", ({ enumerable: true, get: function () { return scope_2.ValueScopeName; } }));
Object.defineProperty(exports, "varKinds", ({ enumerable: true, get: function () { return scope_2.varKinds; } }));
exports.operators = {
    GT: new code_1._Code(">"),
    GTE: new code_1._Code(">="),
    LT: new code_1._Code("<"),
    LTE: new code_1._Code("<="),
    EQ: new code_1._Code("==="),
    NEQ: new code_1._Code("!=="),
    NOT: new code_1._Code("!"),
    OR: new code_1._Code("||"),
    AND: new code_1._Code("&&"),
    ADD: new code_1._Code("+"),
};
class Node {
    optimizeNodes() {
        return this;
    }
    optimizeNames(_names, _constants) {
        return this;
    }
}
class Def extends Node {
    constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
    }
    render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === undefined ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
    }
    optimizeNames(names, constants) {
        if (!names[this.name.str])
            return;
        if (this.rhs)
            this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
    }
    get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
    }
}
class Assign extends Node {
    constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
    }
    render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
    }
    optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
            return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
    }
    get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
    }
}
class AssignOp extends Assign {
    constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
    }
    render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
    }
}
class Label extends Node {
    constructor(label) {
        super();
        this.label = label;
        this.names = {};
    }
    render({ _n }) {
        return `${this.label}:` + _n;
    }
}
class Break extends Node {
    constructor(label) {
        super();
        this.label = label;
        this.names = {};
    }
    render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
    }
}
class Throw extends Node {
    constructor(error) {
        super();
        this.error = error;
    }
    render({ _n }) {
        return `throw ${this.error};` + _n;
    }
    get names() {
        return this.error.names;
    }
}
class AnyCode extends Node {
    constructor(code) {
        super();
        this.code = code;
    }
    render({ _n }) {
        return `${this.code};` + _n;
    }
    optimizeNodes() {
        return `${this.code}` ? this : undefined;
    }
    optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
    }
    get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
    }
}
class ParentNode extends Node {
    constructor(nodes = []) {
        super();
        this.nodes = nodes;
    }
    render(opts) {
        return this.nodes.reduce((code, n) => code + n.render(opts), "");
    }
    optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
            const n = nodes[i].optimizeNodes();
            if (Array.isArray(n))
                nodes.splice(i, 1, ...n);
            else if (n)
                nodes[i] = n;
            else
                nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : undefined;
    }
    optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
            // iterating backwards improves 1-pass optimization
            const n = nodes[i];
            if (n.optimizeNames(names, constants))
                continue;
            subtractNames(names, n.names);
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : undefined;
    }
    get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
    }
}
class BlockNode extends ParentNode {
    render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
    }
}
class Root extends ParentNode {
}
class Else extends BlockNode {
}
Else.kind = "else";
class If extends BlockNode {
    constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
    }
    render(opts) {
        let code = `if(${this.condition})` + super.render(opts);
        if (this.else)
            code += "else " + this.else.render(opts);
        return code;
    }
    optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
            return this.nodes; // else is ignored here
        let e = this.else;
        if (e) {
            const ns = e.optimizeNodes();
            e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
            if (cond === false)
                return e instanceof If ? e : e.nodes;
            if (this.nodes.length)
                return this;
            return new If(not(cond), e instanceof If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
            return undefined;
        return this;
    }
    optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
            return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
    }
    get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
            addNames(names, this.else.names);
        return names;
    }
}
If.kind = "if";
class For extends BlockNode {
}
For.kind = "for";
class ForLoop extends For {
    constructor(iteration) {
        super();
        this.iteration = iteration;
    }
    render(opts) {
        return `for(${this.iteration})` + super.render(opts);
    }
    optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
            return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
    }
    get names() {
        return addNames(super.names, this.iteration.names);
    }
}
class ForRange extends For {
    constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
    }
    render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
    }
    get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
    }
}
class ForIter extends For {
    constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
    }
    render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
    }
    optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
            return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
    }
    get names() {
        return addNames(super.names, this.iterable.names);
    }
}
class Func extends BlockNode {
    constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
    }
    render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
    }
}
Func.kind = "func";
class Return extends ParentNode {
    render(opts) {
        return "return " + super.render(opts);
    }
}
Return.kind = "return";
class Try extends BlockNode {
    render(opts) {
        let code = "try" + super.render(opts);
        if (this.catch)
            code += this.catch.render(opts);
        if (this.finally)
            code += this.finally.render(opts);
        return code;
    }
    optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
    }
    optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
    }
    get names() {
        const names = super.names;
        if (this.catch)
            addNames(names, this.catch.names);
        if (this.finally)
            addNames(names, this.finally.names);
        return names;
    }
}
class Catch extends BlockNode {
    constructor(error) {
        super();
        this.error = error;
    }
    render(opts) {
        return `catch(${this.error})` + super.render(opts);
    }
}
Catch.kind = "catch";
class Finally extends BlockNode {
    render(opts) {
        return "finally" + super.render(opts);
    }
}
Finally.kind = "finally";
class CodeGen {
    constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
    }
    toString() {
        return this._root.render(this.opts);
    }
    // returns unique name in the internal scope
    name(prefix) {
        return this._scope.name(prefix);
    }
    // reserves unique name in the external scope
    scopeName(prefix) {
        return this._extScope.name(prefix);
    }
    // reserves unique name in the external scope and assigns value to it
    scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = new Set());
        vs.add(name);
        return name;
    }
    getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
    }
    // return code that assigns values in the external scope to the names that are used internally
    // (same names that were returned by gen.scopeName or gen.scopeValue)
    scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
    }
    scopeCode() {
        return this._extScope.scopeCode(this._values);
    }
    _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== undefined && constant)
            this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
    }
    // `const` declaration (`var` in es5 mode)
    const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
    }
    // `let` declaration with optional assignment (`var` in es5 mode)
    let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
    }
    // `var` declaration with optional assignment
    var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
    }
    // assignment code
    assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
    }
    // `+=` code
    add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports.operators.ADD, rhs));
    }
    // appends passed SafeExpr to code or executes Block
    code(c) {
        if (typeof c == "function")
            c();
        else if (c !== code_1.nil)
            this._leafNode(new AnyCode(c));
        return this;
    }
    // returns code for object literal for the passed argument list of key-value pairs
    object(...keyValues) {
        const code = ["{"];
        for (const [key, value] of keyValues) {
            if (code.length > 1)
                code.push(",");
            code.push(key);
            if (key !== value || this.opts.es5) {
                code.push(":");
                (0, code_1.addCodeArg)(code, value);
            }
        }
        code.push("}");
        return new code_1._Code(code);
    }
    // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
    if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
            this.code(thenBody).else().code(elseBody).endIf();
        }
        else if (thenBody) {
            this.code(thenBody).endIf();
        }
        else if (elseBody) {
            throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
    }
    // `else if` clause - invalid without `if` or after `else` clauses
    elseIf(condition) {
        return this._elseNode(new If(condition));
    }
    // `else` clause - only valid after `if` or `else if` clauses
    else() {
        return this._elseNode(new Else());
    }
    // end `if` statement (needed if gen.if was used only with condition)
    endIf() {
        return this._endBlockNode(If, Else);
    }
    _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
            this.code(forBody).endFor();
        return this;
    }
    // a generic `for` clause (or statement if `forBody` is passed)
    for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
    }
    // `for` statement for a range of values
    forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
    }
    // `for-of` statement (in es5 mode replace with a normal for loop)
    forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
            const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
            return this.forRange("_i", 0, (0, code_1._) `${arr}.length`, (i) => {
                this.var(name, (0, code_1._) `${arr}[${i}]`);
                forBody(name);
            });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
    }
    // `for-in` statement.
    // With option `ownProperties` replaced with a `for-of` loop for object keys
    forIn(nameOrPrefix, obj, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
            return this.forOf(nameOrPrefix, (0, code_1._) `Object.keys(${obj})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj), () => forBody(name));
    }
    // end `for` loop
    endFor() {
        return this._endBlockNode(For);
    }
    // `label` statement
    label(label) {
        return this._leafNode(new Label(label));
    }
    // `break` statement
    break(label) {
        return this._leafNode(new Break(label));
    }
    // `return` statement
    return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
            throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
    }
    // `try` statement
    try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
            throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
            const error = this.name("e");
            this._currNode = node.catch = new Catch(error);
            catchCode(error);
        }
        if (finallyCode) {
            this._currNode = node.finally = new Finally();
            this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
    }
    // `throw` statement
    throw(error) {
        return this._leafNode(new Throw(error));
    }
    // start self-balancing block
    block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
            this.code(body).endBlock(nodeCount);
        return this;
    }
    // end the current self-balancing block
    endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === undefined)
            throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || (nodeCount !== undefined && toClose !== nodeCount)) {
            throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
    }
    // `function` heading (or definition if funcBody is passed)
    func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
            this.code(funcBody).endFunc();
        return this;
    }
    // end function definition
    endFunc() {
        return this._endBlockNode(Func);
    }
    optimize(n = 1) {
        while (n-- > 0) {
            this._root.optimizeNodes();
            this._root.optimizeNames(this._root.names, this._constants);
        }
    }
    _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
    }
    _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
    }
    _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || (N2 && n instanceof N2)) {
            this._nodes.pop();
            return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
    }
    _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
            throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
    }
    get _root() {
        return this._nodes[0];
    }
    get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
    }
    set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
    }
}
exports.CodeGen = CodeGen;
function addNames(names, from) {
    for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
    return names;
}
function addExprNames(names, from) {
    return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
}
function optimizeExpr(expr, names, constants) {
    if (expr instanceof code_1.Name)
        return replaceName(expr);
    if (!canOptimize(expr))
        return expr;
    return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
            c = replaceName(c);
        if (c instanceof code_1._Code)
            items.push(...c._items);
        else
            items.push(c);
        return items;
    }, []));
    function replaceName(n) {
        const c = constants[n.str];
        if (c === undefined || names[n.str] !== 1)
            return n;
        delete names[n.str];
        return c;
    }
    function canOptimize(e) {
        return (e instanceof code_1._Code &&
            e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== undefined));
    }
}
function subtractNames(names, from) {
    for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
}
function not(x) {
    return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._) `!${par(x)}`;
}
exports.not = not;
const andCode = mappend(exports.operators.AND);
// boolean AND (&&) expression with the passed arguments
function and(...args) {
    return args.reduce(andCode);
}
exports.and = and;
const orCode = mappend(exports.operators.OR);
// boolean OR (||) expression with the passed arguments
function or(...args) {
    return args.reduce(orCode);
}
exports.or = or;
function mappend(op) {
    return (x, y) => (x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._) `${par(x)} ${op} ${par(y)}`);
}
function par(x) {
    return x instanceof code_1.Name ? x : (0, code_1._) `(${x})`;
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 77788:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.ValueScope = exports.ValueScopeName = exports.Scope = exports.varKinds = exports.UsedValueState = void 0;
const code_1 = __nccwpck_require__(80567);
class ValueError extends Error {
    constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
    }
}
var UsedValueState;
(function (UsedValueState) {
    UsedValueState[UsedValueState["Started"] = 0] = "Started";
    UsedValueState[UsedValueState["Completed"] = 1] = "Completed";
})(UsedValueState || (exports.UsedValueState = UsedValueState = {}));
exports.varKinds = {
    const: new code_1.Name("const"),
    let: new code_1.Name("let"),
    var: new code_1.Name("var"),
};
class Scope {
    constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
    }
    toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
    }
    name(prefix) {
        return new code_1.Name(this._newName(prefix));
    }
    _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
    }
    _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || (this._prefixes && !this._prefixes.has(prefix))) {
            throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return (this._names[prefix] = { prefix, index: 0 });
    }
}
exports.Scope = Scope;
class ValueScopeName extends code_1.Name {
    constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
    }
    setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._) `.${new code_1.Name(property)}[${itemIndex}]`;
    }
}
exports.ValueScopeName = ValueScopeName;
const line = (0, code_1._) `\n`;
class ValueScope extends Scope {
    constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
    }
    get() {
        return this._scope;
    }
    name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
    }
    value(nameOrPrefix, value) {
        var _a;
        if (value.ref === undefined)
            throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
            const _name = vs.get(valueKey);
            if (_name)
                return _name;
        }
        else {
            vs = this._values[prefix] = new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
    }
    getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
            return;
        return vs.get(keyOrRef);
    }
    scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
            if (name.scopePath === undefined)
                throw new Error(`CodeGen: name "${name}" has no value`);
            return (0, code_1._) `${scopeName}${name.scopePath}`;
        });
    }
    scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
            if (name.value === undefined)
                throw new Error(`CodeGen: name "${name}" has no value`);
            return name.value.code;
        }, usedValues, getCode);
    }
    _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code = code_1.nil;
        for (const prefix in values) {
            const vs = values[prefix];
            if (!vs)
                continue;
            const nameSet = (usedValues[prefix] = usedValues[prefix] || new Map());
            vs.forEach((name) => {
                if (nameSet.has(name))
                    return;
                nameSet.set(name, UsedValueState.Started);
                let c = valueCode(name);
                if (c) {
                    const def = this.opts.es5 ? exports.varKinds.var : exports.varKinds.const;
                    code = (0, code_1._) `${code}${def} ${name} = ${c};${this.opts._n}`;
                }
                else if ((c = getCode === null || getCode === void 0 ? void 0 : getCode(name))) {
                    code = (0, code_1._) `${code}${c}${this.opts._n}`;
                }
                else {
                    throw new ValueError(name);
                }
                nameSet.set(name, UsedValueState.Completed);
            });
        }
        return code;
    }
}
exports.ValueScope = ValueScope;
//# sourceMappingURL=scope.js.map

/***/ }),

/***/ 81283:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.extendErrors = exports.resetErrorsCount = exports.reportExtraError = exports.reportError = exports.keyword$DataError = exports.keywordError = void 0;
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const names_1 = __nccwpck_require__(90630);
exports.keywordError = {
    message: ({ keyword }) => (0, codegen_1.str) `must pass "${keyword}" keyword validation`,
};
exports.keyword$DataError = {
    message: ({ keyword, schemaType }) => schemaType
        ? (0, codegen_1.str) `"${keyword}" keyword must be ${schemaType} ($data)`
        : (0, codegen_1.str) `"${keyword}" keyword is invalid ($data)`,
};
function reportError(cxt, error = exports.keywordError, errorPaths, overrideAllErrors) {
    const { it } = cxt;
    const { gen, compositeRule, allErrors } = it;
    const errObj = errorObjectCode(cxt, error, errorPaths);
    if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : (compositeRule || allErrors)) {
        addError(gen, errObj);
    }
    else {
        returnErrors(it, (0, codegen_1._) `[${errObj}]`);
    }
}
exports.reportError = reportError;
function reportExtraError(cxt, error = exports.keywordError, errorPaths) {
    const { it } = cxt;
    const { gen, compositeRule, allErrors } = it;
    const errObj = errorObjectCode(cxt, error, errorPaths);
    addError(gen, errObj);
    if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
    }
}
exports.reportExtraError = reportExtraError;
function resetErrorsCount(gen, errsCount) {
    gen.assign(names_1.default.errors, errsCount);
    gen.if((0, codegen_1._) `${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._) `${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
}
exports.resetErrorsCount = resetErrorsCount;
function extendErrors({ gen, keyword, schemaValue, data, errsCount, it, }) {
    /* istanbul ignore if */
    if (errsCount === undefined)
        throw new Error("ajv implementation error");
    const err = gen.name("err");
    gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._) `${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._) `${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._) `${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._) `${err}.schemaPath`, (0, codegen_1.str) `${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
            gen.assign((0, codegen_1._) `${err}.schema`, schemaValue);
            gen.assign((0, codegen_1._) `${err}.data`, data);
        }
    });
}
exports.extendErrors = extendErrors;
function addError(gen, errObj) {
    const err = gen.const("err", errObj);
    gen.if((0, codegen_1._) `${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._) `[${err}]`), (0, codegen_1._) `${names_1.default.vErrors}.push(${err})`);
    gen.code((0, codegen_1._) `${names_1.default.errors}++`);
}
function returnErrors(it, errs) {
    const { gen, validateName, schemaEnv } = it;
    if (schemaEnv.$async) {
        gen.throw((0, codegen_1._) `new ${it.ValidationError}(${errs})`);
    }
    else {
        gen.assign((0, codegen_1._) `${validateName}.errors`, errs);
        gen.return(false);
    }
}
const E = {
    keyword: new codegen_1.Name("keyword"),
    schemaPath: new codegen_1.Name("schemaPath"), // also used in JTD errors
    params: new codegen_1.Name("params"),
    propertyName: new codegen_1.Name("propertyName"),
    message: new codegen_1.Name("message"),
    schema: new codegen_1.Name("schema"),
    parentSchema: new codegen_1.Name("parentSchema"),
};
function errorObjectCode(cxt, error, errorPaths) {
    const { createErrors } = cxt.it;
    if (createErrors === false)
        return (0, codegen_1._) `{}`;
    return errorObject(cxt, error, errorPaths);
}
function errorObject(cxt, error, errorPaths = {}) {
    const { gen, it } = cxt;
    const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths),
    ];
    extraErrorProps(cxt, error, keyValues);
    return gen.object(...keyValues);
}
function errorInstancePath({ errorPath }, { instancePath }) {
    const instPath = instancePath
        ? (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}`
        : errorPath;
    return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
}
function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
    let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str) `${errSchemaPath}/${keyword}`;
    if (schemaPath) {
        schPath = (0, codegen_1.str) `${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
    }
    return [E.schemaPath, schPath];
}
function extraErrorProps(cxt, { params, message }, keyValues) {
    const { keyword, data, schemaValue, it } = cxt;
    const { opts, propertyName, topSchemaRef, schemaPath } = it;
    keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._) `{}`]);
    if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
    }
    if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._) `${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
    }
    if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 2718:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.resolveSchema = exports.getCompilingSchema = exports.resolveRef = exports.compileSchema = exports.SchemaEnv = void 0;
const codegen_1 = __nccwpck_require__(81436);
const validation_error_1 = __nccwpck_require__(33021);
const names_1 = __nccwpck_require__(90630);
const resolve_1 = __nccwpck_require__(24090);
const util_1 = __nccwpck_require__(84464);
const validate_1 = __nccwpck_require__(87881);
class SchemaEnv {
    constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
            schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
    }
}
exports.SchemaEnv = SchemaEnv;
// let codeSize = 0
// let nodeCount = 0
// Compiles schema in SchemaEnv
function compileSchema(sch) {
    // TODO refactor - remove compilations
    const _sch = getCompilingSchema.call(this, sch);
    if (_sch)
        return _sch;
    const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId); // TODO if getFullPath removed 1 tests fails
    const { es5, lines } = this.opts.code;
    const { ownProperties } = this.opts;
    const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
    let _ValidationError;
    if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
            ref: validation_error_1.default,
            code: (0, codegen_1._) `require("ajv/dist/runtime/validation_error").default`,
        });
    }
    const validateName = gen.scopeName("validate");
    sch.validateName = validateName;
    const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil], // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true
            ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) }
            : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._) `""`,
        opts: this.opts,
        self: this,
    };
    let sourceCode;
    try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        // gen.optimize(1)
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        // console.log((codeSize += sourceCode.length), (nodeCount += gen.nodeCount))
        if (this.opts.code.process)
            sourceCode = this.opts.code.process(sourceCode, sch);
        // console.log("\n\n\n *** \n", sourceCode)
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
            validate.$async = true;
        if (this.opts.code.source === true) {
            validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
            const { props, items } = schemaCxt;
            validate.evaluated = {
                props: props instanceof codegen_1.Name ? undefined : props,
                items: items instanceof codegen_1.Name ? undefined : items,
                dynamicProps: props instanceof codegen_1.Name,
                dynamicItems: items instanceof codegen_1.Name,
            };
            if (validate.source)
                validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
    }
    catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
            this.logger.error("Error compiling schema, function code:", sourceCode);
        // console.log("\n\n\n *** \n", sourceCode, this.opts)
        throw e;
    }
    finally {
        this._compilations.delete(sch);
    }
}
exports.compileSchema = compileSchema;
function resolveRef(root, baseId, ref) {
    var _a;
    ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
    const schOrFunc = root.refs[ref];
    if (schOrFunc)
        return schOrFunc;
    let _sch = resolve.call(this, root, ref);
    if (_sch === undefined) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref]; // TODO maybe localRefs should hold SchemaEnv
        const { schemaId } = this.opts;
        if (schema)
            _sch = new SchemaEnv({ schema, schemaId, root, baseId });
    }
    if (_sch === undefined)
        return;
    return (root.refs[ref] = inlineOrCompile.call(this, _sch));
}
exports.resolveRef = resolveRef;
function inlineOrCompile(sch) {
    if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
    return sch.validate ? sch : compileSchema.call(this, sch);
}
// Index of schema compilation in the currently compiled list
function getCompilingSchema(schEnv) {
    for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
            return sch;
    }
}
exports.getCompilingSchema = getCompilingSchema;
function sameSchemaEnv(s1, s2) {
    return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
}
// resolve and compile the references ($ref)
// TODO returns AnySchemaObject (if the schema can be inlined) or validation function
function resolve(root, // information about the root schema for the current schema
ref // reference to resolve
) {
    let sch;
    while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
    return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
}
// Resolve schema, its root and baseId
function resolveSchema(root, // root object with properties schema, refs TODO below SchemaEnv is assigned to it
ref // reference to resolve
) {
    const p = this.opts.uriResolver.parse(ref);
    const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
    let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, undefined);
    // TODO `Object.keys(root.schema).length > 0` should not be needed - but removing breaks 2 tests
    if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
    }
    const id = (0, resolve_1.normalizeId)(refPath);
    const schOrRef = this.refs[id] || this.schemas[id];
    if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
            return;
        return getJsonPointer.call(this, p, sch);
    }
    if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
    if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
    if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
    }
    return getJsonPointer.call(this, p, schOrRef);
}
exports.resolveSchema = resolveSchema;
const PREVENT_SCOPE_CHANGE = new Set([
    "properties",
    "patternProperties",
    "enum",
    "dependencies",
    "definitions",
]);
function getJsonPointer(parsedRef, { baseId, schema, root }) {
    var _a;
    if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
    for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
            return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === undefined)
            return;
        schema = partSchema;
        // TODO PREVENT_SCOPE_CHANGE could be defined in keyword def?
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
            baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
    }
    let env;
    if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
    }
    // even though resolution failed we need to return SchemaEnv to throw exception
    // so that compileAsync loads missing schema.
    const { schemaId } = this.opts;
    env = env || new SchemaEnv({ schema, schemaId, root, baseId });
    if (env.schema !== env.root.schema)
        return env;
    return undefined;
}
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 90630:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const names = {
    // validation function arguments
    data: new codegen_1.Name("data"), // data passed to validation function
    // args passed from referencing schema
    valCxt: new codegen_1.Name("valCxt"), // validation/data context - should not be used directly, it is destructured to the names below
    instancePath: new codegen_1.Name("instancePath"),
    parentData: new codegen_1.Name("parentData"),
    parentDataProperty: new codegen_1.Name("parentDataProperty"),
    rootData: new codegen_1.Name("rootData"), // root data - same as the data passed to the first/top validation function
    dynamicAnchors: new codegen_1.Name("dynamicAnchors"), // used to support recursiveRef and dynamicRef
    // function scoped variables
    vErrors: new codegen_1.Name("vErrors"), // null or array of validation errors
    errors: new codegen_1.Name("errors"), // counter of validation errors
    this: new codegen_1.Name("this"),
    // "globals"
    self: new codegen_1.Name("self"),
    scope: new codegen_1.Name("scope"),
    // JTD serialize/parse name for JSON string and position
    json: new codegen_1.Name("json"),
    jsonPos: new codegen_1.Name("jsonPos"),
    jsonLen: new codegen_1.Name("jsonLen"),
    jsonPart: new codegen_1.Name("jsonPart"),
};
exports["default"] = names;
//# sourceMappingURL=names.js.map

/***/ }),

/***/ 53162:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const resolve_1 = __nccwpck_require__(24090);
class MissingRefError extends Error {
    constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
    }
}
exports["default"] = MissingRefError;
//# sourceMappingURL=ref_error.js.map

/***/ }),

/***/ 24090:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getSchemaRefs = exports.resolveUrl = exports.normalizeId = exports._getFullPath = exports.getFullPath = exports.inlineRef = void 0;
const util_1 = __nccwpck_require__(84464);
const equal = __nccwpck_require__(23430);
const traverse = __nccwpck_require__(81167);
// TODO refactor to use keyword definitions
const SIMPLE_INLINED = new Set([
    "type",
    "format",
    "pattern",
    "maxLength",
    "minLength",
    "maxProperties",
    "minProperties",
    "maxItems",
    "minItems",
    "maximum",
    "minimum",
    "uniqueItems",
    "multipleOf",
    "required",
    "enum",
    "const",
]);
function inlineRef(schema, limit = true) {
    if (typeof schema == "boolean")
        return true;
    if (limit === true)
        return !hasRef(schema);
    if (!limit)
        return false;
    return countKeys(schema) <= limit;
}
exports.inlineRef = inlineRef;
const REF_KEYWORDS = new Set([
    "$ref",
    "$recursiveRef",
    "$recursiveAnchor",
    "$dynamicRef",
    "$dynamicAnchor",
]);
function hasRef(schema) {
    for (const key in schema) {
        if (REF_KEYWORDS.has(key))
            return true;
        const sch = schema[key];
        if (Array.isArray(sch) && sch.some(hasRef))
            return true;
        if (typeof sch == "object" && hasRef(sch))
            return true;
    }
    return false;
}
function countKeys(schema) {
    let count = 0;
    for (const key in schema) {
        if (key === "$ref")
            return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key))
            continue;
        if (typeof schema[key] == "object") {
            (0, util_1.eachItem)(schema[key], (sch) => (count += countKeys(sch)));
        }
        if (count === Infinity)
            return Infinity;
    }
    return count;
}
function getFullPath(resolver, id = "", normalize) {
    if (normalize !== false)
        id = normalizeId(id);
    const p = resolver.parse(id);
    return _getFullPath(resolver, p);
}
exports.getFullPath = getFullPath;
function _getFullPath(resolver, p) {
    const serialized = resolver.serialize(p);
    return serialized.split("#")[0] + "#";
}
exports._getFullPath = _getFullPath;
const TRAILING_SLASH_HASH = /#\/?$/;
function normalizeId(id) {
    return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
}
exports.normalizeId = normalizeId;
function resolveUrl(resolver, baseId, id) {
    id = normalizeId(id);
    return resolver.resolve(baseId, id);
}
exports.resolveUrl = resolveUrl;
const ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
function getSchemaRefs(schema, baseId) {
    if (typeof schema == "boolean")
        return {};
    const { schemaId, uriResolver } = this.opts;
    const schId = normalizeId(schema[schemaId] || baseId);
    const baseIds = { "": schId };
    const pathPrefix = getFullPath(uriResolver, schId, false);
    const localRefs = {};
    const schemaRefs = new Set();
    traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === undefined)
            return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
            innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
            // eslint-disable-next-line @typescript-eslint/unbound-method
            const _resolve = this.opts.uriResolver.resolve;
            ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
            if (schemaRefs.has(ref))
                throw ambiguos(ref);
            schemaRefs.add(ref);
            let schOrRef = this.refs[ref];
            if (typeof schOrRef == "string")
                schOrRef = this.refs[schOrRef];
            if (typeof schOrRef == "object") {
                checkAmbiguosRef(sch, schOrRef.schema, ref);
            }
            else if (ref !== normalizeId(fullPath)) {
                if (ref[0] === "#") {
                    checkAmbiguosRef(sch, localRefs[ref], ref);
                    localRefs[ref] = sch;
                }
                else {
                    this.refs[ref] = fullPath;
                }
            }
            return ref;
        }
        function addAnchor(anchor) {
            if (typeof anchor == "string") {
                if (!ANCHOR.test(anchor))
                    throw new Error(`invalid anchor "${anchor}"`);
                addRef.call(this, `#${anchor}`);
            }
        }
    });
    return localRefs;
    function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== undefined && !equal(sch1, sch2))
            throw ambiguos(ref);
    }
    function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
    }
}
exports.getSchemaRefs = getSchemaRefs;
//# sourceMappingURL=resolve.js.map

/***/ }),

/***/ 7353:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getRules = exports.isJSONType = void 0;
const _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
const jsonTypes = new Set(_jsonTypes);
function isJSONType(x) {
    return typeof x == "string" && jsonTypes.has(x);
}
exports.isJSONType = isJSONType;
function getRules() {
    const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] },
    };
    return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {},
    };
}
exports.getRules = getRules;
//# sourceMappingURL=rules.js.map

/***/ }),

/***/ 84464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.checkStrictMode = exports.getErrorPath = exports.Type = exports.useFunc = exports.setEvaluated = exports.evaluatedPropsToName = exports.mergeEvaluated = exports.eachItem = exports.unescapeJsonPointer = exports.escapeJsonPointer = exports.escapeFragment = exports.unescapeFragment = exports.schemaRefOrVal = exports.schemaHasRulesButRef = exports.schemaHasRules = exports.checkUnknownRules = exports.alwaysValidSchema = exports.toHash = void 0;
const codegen_1 = __nccwpck_require__(81436);
const code_1 = __nccwpck_require__(80567);
// TODO refactor to use Set
function toHash(arr) {
    const hash = {};
    for (const item of arr)
        hash[item] = true;
    return hash;
}
exports.toHash = toHash;
function alwaysValidSchema(it, schema) {
    if (typeof schema == "boolean")
        return schema;
    if (Object.keys(schema).length === 0)
        return true;
    checkUnknownRules(it, schema);
    return !schemaHasRules(schema, it.self.RULES.all);
}
exports.alwaysValidSchema = alwaysValidSchema;
function checkUnknownRules(it, schema = it.schema) {
    const { opts, self } = it;
    if (!opts.strictSchema)
        return;
    if (typeof schema === "boolean")
        return;
    const rules = self.RULES.keywords;
    for (const key in schema) {
        if (!rules[key])
            checkStrictMode(it, `unknown keyword: "${key}"`);
    }
}
exports.checkUnknownRules = checkUnknownRules;
function schemaHasRules(schema, rules) {
    if (typeof schema == "boolean")
        return !schema;
    for (const key in schema)
        if (rules[key])
            return true;
    return false;
}
exports.schemaHasRules = schemaHasRules;
function schemaHasRulesButRef(schema, RULES) {
    if (typeof schema == "boolean")
        return !schema;
    for (const key in schema)
        if (key !== "$ref" && RULES.all[key])
            return true;
    return false;
}
exports.schemaHasRulesButRef = schemaHasRulesButRef;
function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
    if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
            return schema;
        if (typeof schema == "string")
            return (0, codegen_1._) `${schema}`;
    }
    return (0, codegen_1._) `${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
}
exports.schemaRefOrVal = schemaRefOrVal;
function unescapeFragment(str) {
    return unescapeJsonPointer(decodeURIComponent(str));
}
exports.unescapeFragment = unescapeFragment;
function escapeFragment(str) {
    return encodeURIComponent(escapeJsonPointer(str));
}
exports.escapeFragment = escapeFragment;
function escapeJsonPointer(str) {
    if (typeof str == "number")
        return `${str}`;
    return str.replace(/~/g, "~0").replace(/\//g, "~1");
}
exports.escapeJsonPointer = escapeJsonPointer;
function unescapeJsonPointer(str) {
    return str.replace(/~1/g, "/").replace(/~0/g, "~");
}
exports.unescapeJsonPointer = unescapeJsonPointer;
function eachItem(xs, f) {
    if (Array.isArray(xs)) {
        for (const x of xs)
            f(x);
    }
    else {
        f(xs);
    }
}
exports.eachItem = eachItem;
function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName, }) {
    return (gen, from, to, toName) => {
        const res = to === undefined
            ? from
            : to instanceof codegen_1.Name
                ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to)
                : from instanceof codegen_1.Name
                    ? (mergeToName(gen, to, from), from)
                    : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
    };
}
exports.mergeEvaluated = {
    props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => {
            gen.if((0, codegen_1._) `${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._) `${to} || {}`).code((0, codegen_1._) `Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => {
            if (from === true) {
                gen.assign(to, true);
            }
            else {
                gen.assign(to, (0, codegen_1._) `${to} || {}`);
                setEvaluated(gen, to, from);
            }
        }),
        mergeValues: (from, to) => (from === true ? true : { ...from, ...to }),
        resultToName: evaluatedPropsToName,
    }),
    items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._) `${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._) `${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._) `${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => (from === true ? true : Math.max(from, to)),
        resultToName: (gen, items) => gen.var("items", items),
    }),
};
function evaluatedPropsToName(gen, ps) {
    if (ps === true)
        return gen.var("props", true);
    const props = gen.var("props", (0, codegen_1._) `{}`);
    if (ps !== undefined)
        setEvaluated(gen, props, ps);
    return props;
}
exports.evaluatedPropsToName = evaluatedPropsToName;
function setEvaluated(gen, props, ps) {
    Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._) `${props}${(0, codegen_1.getProperty)(p)}`, true));
}
exports.setEvaluated = setEvaluated;
const snippets = {};
function useFunc(gen, f) {
    return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code)),
    });
}
exports.useFunc = useFunc;
var Type;
(function (Type) {
    Type[Type["Num"] = 0] = "Num";
    Type[Type["Str"] = 1] = "Str";
})(Type || (exports.Type = Type = {}));
function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
    // let path
    if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax
            ? isNumber
                ? (0, codegen_1._) `"[" + ${dataProp} + "]"`
                : (0, codegen_1._) `"['" + ${dataProp} + "']"`
            : isNumber
                ? (0, codegen_1._) `"/" + ${dataProp}`
                : (0, codegen_1._) `"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`; // TODO maybe use global escapePointer
    }
    return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
}
exports.getErrorPath = getErrorPath;
function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
    if (!mode)
        return;
    msg = `strict mode: ${msg}`;
    if (mode === true)
        throw new Error(msg);
    it.self.logger.warn(msg);
}
exports.checkStrictMode = checkStrictMode;
//# sourceMappingURL=util.js.map

/***/ }),

/***/ 37692:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.shouldUseRule = exports.shouldUseGroup = exports.schemaHasRulesForType = void 0;
function schemaHasRulesForType({ schema, self }, type) {
    const group = self.RULES.types[type];
    return group && group !== true && shouldUseGroup(schema, group);
}
exports.schemaHasRulesForType = schemaHasRulesForType;
function shouldUseGroup(schema, group) {
    return group.rules.some((rule) => shouldUseRule(schema, rule));
}
exports.shouldUseGroup = shouldUseGroup;
function shouldUseRule(schema, rule) {
    var _a;
    return (schema[rule.keyword] !== undefined ||
        ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== undefined)));
}
exports.shouldUseRule = shouldUseRule;
//# sourceMappingURL=applicability.js.map

/***/ }),

/***/ 35346:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.boolOrEmptySchema = exports.topBoolOrEmptySchema = void 0;
const errors_1 = __nccwpck_require__(81283);
const codegen_1 = __nccwpck_require__(81436);
const names_1 = __nccwpck_require__(90630);
const boolError = {
    message: "boolean schema is false",
};
function topBoolOrEmptySchema(it) {
    const { gen, schema, validateName } = it;
    if (schema === false) {
        falseSchemaError(it, false);
    }
    else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
    }
    else {
        gen.assign((0, codegen_1._) `${validateName}.errors`, null);
        gen.return(true);
    }
}
exports.topBoolOrEmptySchema = topBoolOrEmptySchema;
function boolOrEmptySchema(it, valid) {
    const { gen, schema } = it;
    if (schema === false) {
        gen.var(valid, false); // TODO var
        falseSchemaError(it);
    }
    else {
        gen.var(valid, true); // TODO var
    }
}
exports.boolOrEmptySchema = boolOrEmptySchema;
function falseSchemaError(it, overrideAllErrors) {
    const { gen, data } = it;
    // TODO maybe some other interface should be used for non-keyword validation errors...
    const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it,
    };
    (0, errors_1.reportError)(cxt, boolError, undefined, overrideAllErrors);
}
//# sourceMappingURL=boolSchema.js.map

/***/ }),

/***/ 86685:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.reportTypeError = exports.checkDataTypes = exports.checkDataType = exports.coerceAndCheckDataType = exports.getJSONTypes = exports.getSchemaTypes = exports.DataType = void 0;
const rules_1 = __nccwpck_require__(7353);
const applicability_1 = __nccwpck_require__(37692);
const errors_1 = __nccwpck_require__(81283);
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
var DataType;
(function (DataType) {
    DataType[DataType["Correct"] = 0] = "Correct";
    DataType[DataType["Wrong"] = 1] = "Wrong";
})(DataType || (exports.DataType = DataType = {}));
function getSchemaTypes(schema) {
    const types = getJSONTypes(schema.type);
    const hasNull = types.includes("null");
    if (hasNull) {
        if (schema.nullable === false)
            throw new Error("type: null contradicts nullable: false");
    }
    else {
        if (!types.length && schema.nullable !== undefined) {
            throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
            types.push("null");
    }
    return types;
}
exports.getSchemaTypes = getSchemaTypes;
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
function getJSONTypes(ts) {
    const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
    if (types.every(rules_1.isJSONType))
        return types;
    throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
}
exports.getJSONTypes = getJSONTypes;
function coerceAndCheckDataType(it, types) {
    const { gen, data, opts } = it;
    const coerceTo = coerceToTypes(types, opts.coerceTypes);
    const checkTypes = types.length > 0 &&
        !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
    if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
            if (coerceTo.length)
                coerceData(it, types, coerceTo);
            else
                reportTypeError(it);
        });
    }
    return checkTypes;
}
exports.coerceAndCheckDataType = coerceAndCheckDataType;
const COERCIBLE = new Set(["string", "number", "integer", "boolean", "null"]);
function coerceToTypes(types, coerceTypes) {
    return coerceTypes
        ? types.filter((t) => COERCIBLE.has(t) || (coerceTypes === "array" && t === "array"))
        : [];
}
function coerceData(it, types, coerceTo) {
    const { gen, data, opts } = it;
    const dataType = gen.let("dataType", (0, codegen_1._) `typeof ${data}`);
    const coerced = gen.let("coerced", (0, codegen_1._) `undefined`);
    if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._) `${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen
            .assign(data, (0, codegen_1._) `${data}[0]`)
            .assign(dataType, (0, codegen_1._) `typeof ${data}`)
            .if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
    }
    gen.if((0, codegen_1._) `${coerced} !== undefined`);
    for (const t of coerceTo) {
        if (COERCIBLE.has(t) || (t === "array" && opts.coerceTypes === "array")) {
            coerceSpecificType(t);
        }
    }
    gen.else();
    reportTypeError(it);
    gen.endIf();
    gen.if((0, codegen_1._) `${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
    });
    function coerceSpecificType(t) {
        switch (t) {
            case "string":
                gen
                    .elseIf((0, codegen_1._) `${dataType} == "number" || ${dataType} == "boolean"`)
                    .assign(coerced, (0, codegen_1._) `"" + ${data}`)
                    .elseIf((0, codegen_1._) `${data} === null`)
                    .assign(coerced, (0, codegen_1._) `""`);
                return;
            case "number":
                gen
                    .elseIf((0, codegen_1._) `${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`)
                    .assign(coerced, (0, codegen_1._) `+${data}`);
                return;
            case "integer":
                gen
                    .elseIf((0, codegen_1._) `${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`)
                    .assign(coerced, (0, codegen_1._) `+${data}`);
                return;
            case "boolean":
                gen
                    .elseIf((0, codegen_1._) `${data} === "false" || ${data} === 0 || ${data} === null`)
                    .assign(coerced, false)
                    .elseIf((0, codegen_1._) `${data} === "true" || ${data} === 1`)
                    .assign(coerced, true);
                return;
            case "null":
                gen.elseIf((0, codegen_1._) `${data} === "" || ${data} === 0 || ${data} === false`);
                gen.assign(coerced, null);
                return;
            case "array":
                gen
                    .elseIf((0, codegen_1._) `${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`)
                    .assign(coerced, (0, codegen_1._) `[${data}]`);
        }
    }
}
function assignParentData({ gen, parentData, parentDataProperty }, expr) {
    // TODO use gen.property
    gen.if((0, codegen_1._) `${parentData} !== undefined`, () => gen.assign((0, codegen_1._) `${parentData}[${parentDataProperty}]`, expr));
}
function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
    const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
    let cond;
    switch (dataType) {
        case "null":
            return (0, codegen_1._) `${data} ${EQ} null`;
        case "array":
            cond = (0, codegen_1._) `Array.isArray(${data})`;
            break;
        case "object":
            cond = (0, codegen_1._) `${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
            break;
        case "integer":
            cond = numCond((0, codegen_1._) `!(${data} % 1) && !isNaN(${data})`);
            break;
        case "number":
            cond = numCond();
            break;
        default:
            return (0, codegen_1._) `typeof ${data} ${EQ} ${dataType}`;
    }
    return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
    function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._) `typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._) `isFinite(${data})` : codegen_1.nil);
    }
}
exports.checkDataType = checkDataType;
function checkDataTypes(dataTypes, data, strictNums, correct) {
    if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
    }
    let cond;
    const types = (0, util_1.toHash)(dataTypes);
    if (types.array && types.object) {
        const notObj = (0, codegen_1._) `typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._) `!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
    }
    else {
        cond = codegen_1.nil;
    }
    if (types.number)
        delete types.integer;
    for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
    return cond;
}
exports.checkDataTypes = checkDataTypes;
const typeError = {
    message: ({ schema }) => `must be ${schema}`,
    params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._) `{type: ${schema}}` : (0, codegen_1._) `{type: ${schemaValue}}`,
};
function reportTypeError(it) {
    const cxt = getTypeErrorContext(it);
    (0, errors_1.reportError)(cxt, typeError);
}
exports.reportTypeError = reportTypeError;
function getTypeErrorContext(it) {
    const { gen, data, schema } = it;
    const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
    return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it,
    };
}
//# sourceMappingURL=dataType.js.map

/***/ }),

/***/ 11699:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.assignDefaults = void 0;
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
function assignDefaults(it, ty) {
    const { properties, items } = it.schema;
    if (ty === "object" && properties) {
        for (const key in properties) {
            assignDefault(it, key, properties[key].default);
        }
    }
    else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
    }
}
exports.assignDefaults = assignDefaults;
function assignDefault(it, prop, defaultValue) {
    const { gen, compositeRule, data, opts } = it;
    if (defaultValue === undefined)
        return;
    const childData = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(prop)}`;
    if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
    }
    let condition = (0, codegen_1._) `${childData} === undefined`;
    if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._) `${condition} || ${childData} === null || ${childData} === ""`;
    }
    // `${childData} === undefined` +
    // (opts.useDefaults === "empty" ? ` || ${childData} === null || ${childData} === ""` : "")
    gen.if(condition, (0, codegen_1._) `${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
}
//# sourceMappingURL=defaults.js.map

/***/ }),

/***/ 87881:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.getData = exports.KeywordCxt = exports.validateFunctionCode = void 0;
const boolSchema_1 = __nccwpck_require__(35346);
const dataType_1 = __nccwpck_require__(86685);
const applicability_1 = __nccwpck_require__(37692);
const dataType_2 = __nccwpck_require__(86685);
const defaults_1 = __nccwpck_require__(11699);
const keyword_1 = __nccwpck_require__(15202);
const subschema_1 = __nccwpck_require__(26200);
const codegen_1 = __nccwpck_require__(81436);
const names_1 = __nccwpck_require__(90630);
const resolve_1 = __nccwpck_require__(24090);
const util_1 = __nccwpck_require__(84464);
const errors_1 = __nccwpck_require__(81283);
// schema compilation - generates validation function, subschemaCode (below) is used for subschemas
function validateFunctionCode(it) {
    if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
            topSchemaObjCode(it);
            return;
        }
    }
    validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
}
exports.validateFunctionCode = validateFunctionCode;
function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
    if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
            gen.code((0, codegen_1._) `"use strict"; ${funcSourceUrl(schema, opts)}`);
            destructureValCxtES5(gen, opts);
            gen.code(body);
        });
    }
    else {
        gen.func(validateName, (0, codegen_1._) `${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
    }
}
function destructureValCxt(opts) {
    return (0, codegen_1._) `{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._) `, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
}
function destructureValCxtES5(gen, opts) {
    gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
    }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._) `""`);
        gen.var(names_1.default.parentData, (0, codegen_1._) `undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._) `undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
            gen.var(names_1.default.dynamicAnchors, (0, codegen_1._) `{}`);
    });
}
function topSchemaObjCode(it) {
    const { schema, opts, gen } = it;
    validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
            commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
            resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
    });
    return;
}
function resetEvaluated(it) {
    // TODO maybe some hook to execute it in the end to check whether props/items are Name, as in assignEvaluated
    const { gen, validateName } = it;
    it.evaluated = gen.const("evaluated", (0, codegen_1._) `${validateName}.evaluated`);
    gen.if((0, codegen_1._) `${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._) `${it.evaluated}.props`, (0, codegen_1._) `undefined`));
    gen.if((0, codegen_1._) `${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._) `${it.evaluated}.items`, (0, codegen_1._) `undefined`));
}
function funcSourceUrl(schema, opts) {
    const schId = typeof schema == "object" && schema[opts.schemaId];
    return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._) `/*# sourceURL=${schId} */` : codegen_1.nil;
}
// schema compilation - this function is used recursively to generate code for sub-schemas
function subschemaCode(it, valid) {
    if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
            subSchemaObjCode(it, valid);
            return;
        }
    }
    (0, boolSchema_1.boolOrEmptySchema)(it, valid);
}
function schemaCxtHasRules({ schema, self }) {
    if (typeof schema == "boolean")
        return !schema;
    for (const key in schema)
        if (self.RULES.all[key])
            return true;
    return false;
}
function isSchemaObj(it) {
    return typeof it.schema != "boolean";
}
function subSchemaObjCode(it, valid) {
    const { schema, gen, opts } = it;
    if (opts.$comment && schema.$comment)
        commentKeyword(it);
    updateContext(it);
    checkAsyncSchema(it);
    const errsCount = gen.const("_errs", names_1.default.errors);
    typeAndKeywords(it, errsCount);
    // TODO var
    gen.var(valid, (0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
}
function checkKeywords(it) {
    (0, util_1.checkUnknownRules)(it);
    checkRefsAndKeywords(it);
}
function typeAndKeywords(it, errsCount) {
    if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
    const types = (0, dataType_1.getSchemaTypes)(it.schema);
    const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
    schemaKeywords(it, types, !checkedTypes, errsCount);
}
function checkRefsAndKeywords(it) {
    const { schema, errSchemaPath, opts, self } = it;
    if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
    }
}
function checkNoDefault(it) {
    const { schema, opts } = it;
    if (schema.default !== undefined && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
    }
}
function updateContext(it) {
    const schId = it.schema[it.opts.schemaId];
    if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
}
function checkAsyncSchema(it) {
    if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
}
function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
    const msg = schema.$comment;
    if (opts.$comment === true) {
        gen.code((0, codegen_1._) `${names_1.default.self}.logger.log(${msg})`);
    }
    else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str) `${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._) `${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
    }
}
function returnResults(it) {
    const { gen, schemaEnv, validateName, ValidationError, opts } = it;
    if (schemaEnv.$async) {
        // TODO assign unevaluated
        gen.if((0, codegen_1._) `${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._) `new ${ValidationError}(${names_1.default.vErrors})`));
    }
    else {
        gen.assign((0, codegen_1._) `${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
            assignEvaluated(it);
        gen.return((0, codegen_1._) `${names_1.default.errors} === 0`);
    }
}
function assignEvaluated({ gen, evaluated, props, items }) {
    if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._) `${evaluated}.props`, props);
    if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._) `${evaluated}.items`, items);
}
function schemaKeywords(it, types, typeErrors, errsCount) {
    const { gen, schema, data, allErrors, opts, self } = it;
    const { RULES } = self;
    if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES))) {
        gen.block(() => keywordCode(it, "$ref", RULES.all.$ref.definition)); // TODO typecast
        return;
    }
    if (!opts.jtd)
        checkStrictTypes(it, types);
    gen.block(() => {
        for (const group of RULES.rules)
            groupKeywords(group);
        groupKeywords(RULES.post);
    });
    function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
            return;
        if (group.type) {
            gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
            iterateKeywords(it, group);
            if (types.length === 1 && types[0] === group.type && typeErrors) {
                gen.else();
                (0, dataType_2.reportTypeError)(it);
            }
            gen.endIf();
        }
        else {
            iterateKeywords(it, group);
        }
        // TODO make it "ok" call?
        if (!allErrors)
            gen.if((0, codegen_1._) `${names_1.default.errors} === ${errsCount || 0}`);
    }
}
function iterateKeywords(it, group) {
    const { gen, schema, opts: { useDefaults }, } = it;
    if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
    gen.block(() => {
        for (const rule of group.rules) {
            if ((0, applicability_1.shouldUseRule)(schema, rule)) {
                keywordCode(it, rule.keyword, rule.definition, group.type);
            }
        }
    });
}
function checkStrictTypes(it, types) {
    if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
    checkContextTypes(it, types);
    if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
    checkKeywordTypes(it, it.dataTypes);
}
function checkContextTypes(it, types) {
    if (!types.length)
        return;
    if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
    }
    types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
            strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
    });
    narrowSchemaTypes(it, types);
}
function checkMultipleTypes(it, ts) {
    if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
    }
}
function checkKeywordTypes(it, ts) {
    const rules = it.self.RULES.all;
    for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
            const { type } = rule.definition;
            if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
                strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
            }
        }
    }
}
function hasApplicableType(schTs, kwdT) {
    return schTs.includes(kwdT) || (kwdT === "number" && schTs.includes("integer"));
}
function includesType(ts, t) {
    return ts.includes(t) || (t === "integer" && ts.includes("number"));
}
function narrowSchemaTypes(it, withTypes) {
    const ts = [];
    for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
            ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
            ts.push("integer");
    }
    it.dataTypes = ts;
}
function strictTypesError(it, msg) {
    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
    msg += ` at "${schemaPath}" (strictTypes)`;
    (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
}
class KeywordCxt {
    constructor(it, def, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def;
        if (this.$data) {
            this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        }
        else {
            this.schemaCode = this.schemaValue;
            if (!(0, keyword_1.validSchemaType)(this.schema, def.schemaType, def.allowUndefined)) {
                throw new Error(`${keyword} value must be ${JSON.stringify(def.schemaType)}`);
            }
        }
        if ("code" in def ? def.trackErrors : def.errors !== false) {
            this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
    }
    result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
    }
    failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
            failAction();
        else
            this.error();
        if (successAction) {
            this.gen.else();
            successAction();
            if (this.allErrors)
                this.gen.endIf();
        }
        else {
            if (this.allErrors)
                this.gen.endIf();
            else
                this.gen.else();
        }
    }
    pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), undefined, failAction);
    }
    fail(condition) {
        if (condition === undefined) {
            this.error();
            if (!this.allErrors)
                this.gen.if(false); // this branch will be removed by gen.optimize
            return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
            this.gen.endIf();
        else
            this.gen.else();
    }
    fail$data(condition) {
        if (!this.$data)
            return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._) `${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
    }
    error(append, errorParams, errorPaths) {
        if (errorParams) {
            this.setParams(errorParams);
            this._error(append, errorPaths);
            this.setParams({});
            return;
        }
        this._error(append, errorPaths);
    }
    _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
    }
    $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
    }
    reset() {
        if (this.errsCount === undefined)
            throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
    }
    ok(cond) {
        if (!this.allErrors)
            this.gen.if(cond);
    }
    setParams(obj, assign) {
        if (assign)
            Object.assign(this.params, obj);
        else
            this.params = obj;
    }
    block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
            this.check$data(valid, $dataValid);
            codeBlock();
        });
    }
    check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
            return;
        const { gen, schemaCode, schemaType, def } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._) `${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
            gen.assign(valid, true);
        if (schemaType.length || def.validateSchema) {
            gen.elseIf(this.invalid$data());
            this.$dataError();
            if (valid !== codegen_1.nil)
                gen.assign(valid, false);
        }
        gen.else();
    }
    invalid$data() {
        const { gen, schemaCode, schemaType, def, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
            if (schemaType.length) {
                /* istanbul ignore if */
                if (!(schemaCode instanceof codegen_1.Name))
                    throw new Error("ajv implementation error");
                const st = Array.isArray(schemaType) ? schemaType : [schemaType];
                return (0, codegen_1._) `${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
            }
            return codegen_1.nil;
        }
        function invalid$DataSchema() {
            if (def.validateSchema) {
                const validateSchemaRef = gen.scopeValue("validate$data", { ref: def.validateSchema }); // TODO value.code for standalone
                return (0, codegen_1._) `!${validateSchemaRef}(${schemaCode})`;
            }
            return codegen_1.nil;
        }
    }
    subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: undefined, props: undefined };
        subschemaCode(nextContext, valid);
        return nextContext;
    }
    mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
            return;
        if (it.props !== true && schemaCxt.props !== undefined) {
            it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== undefined) {
            it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
    }
    mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
            gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
            return true;
        }
    }
}
exports.KeywordCxt = KeywordCxt;
function keywordCode(it, keyword, def, ruleType) {
    const cxt = new KeywordCxt(it, def, keyword);
    if ("code" in def) {
        def.code(cxt, ruleType);
    }
    else if (cxt.$data && def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
    }
    else if ("macro" in def) {
        (0, keyword_1.macroKeywordCode)(cxt, def);
    }
    else if (def.compile || def.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def);
    }
}
const JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
const RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
function getData($data, { dataLevel, dataNames, dataPathArr }) {
    let jsonPointer;
    let data;
    if ($data === "")
        return names_1.default.rootData;
    if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
            throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
    }
    else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
            throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
            if (up >= dataLevel)
                throw new Error(errorMsg("property/index", up));
            return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
            throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
            return data;
    }
    let expr = data;
    const segments = jsonPointer.split("/");
    for (const segment of segments) {
        if (segment) {
            data = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
            expr = (0, codegen_1._) `${expr} && ${data}`;
        }
    }
    return expr;
    function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
    }
}
exports.getData = getData;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 15202:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateKeywordUsage = exports.validSchemaType = exports.funcKeywordCode = exports.macroKeywordCode = void 0;
const codegen_1 = __nccwpck_require__(81436);
const names_1 = __nccwpck_require__(90630);
const code_1 = __nccwpck_require__(28484);
const errors_1 = __nccwpck_require__(81283);
function macroKeywordCode(cxt, def) {
    const { gen, keyword, schema, parentSchema, it } = cxt;
    const macroSchema = def.macro.call(it.self, schema, parentSchema, it);
    const schemaRef = useKeyword(gen, keyword, macroSchema);
    if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
    const valid = gen.name("valid");
    cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true,
    }, valid);
    cxt.pass(valid, () => cxt.error(true));
}
exports.macroKeywordCode = macroKeywordCode;
function funcKeywordCode(cxt, def) {
    var _a;
    const { gen, keyword, schema, parentSchema, $data, it } = cxt;
    checkAsyncKeyword(it, def);
    const validate = !$data && def.compile ? def.compile.call(it.self, schema, parentSchema, it) : def.validate;
    const validateRef = useKeyword(gen, keyword, validate);
    const valid = gen.let("valid");
    cxt.block$data(valid, validateKeyword);
    cxt.ok((_a = def.valid) !== null && _a !== void 0 ? _a : valid);
    function validateKeyword() {
        if (def.errors === false) {
            assignValid();
            if (def.modifying)
                modifyData(cxt);
            reportErrs(() => cxt.error());
        }
        else {
            const ruleErrs = def.async ? validateAsync() : validateSync();
            if (def.modifying)
                modifyData(cxt);
            reportErrs(() => addErrs(cxt, ruleErrs));
        }
    }
    function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._) `await `), (e) => gen.assign(valid, false).if((0, codegen_1._) `${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._) `${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
    }
    function validateSync() {
        const validateErrs = (0, codegen_1._) `${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
    }
    function assignValid(_await = def.async ? (0, codegen_1._) `await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !(("compile" in def && !$data) || def.schema === false);
        gen.assign(valid, (0, codegen_1._) `${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def.modifying);
    }
    function reportErrs(errors) {
        var _a;
        gen.if((0, codegen_1.not)((_a = def.valid) !== null && _a !== void 0 ? _a : valid), errors);
    }
}
exports.funcKeywordCode = funcKeywordCode;
function modifyData(cxt) {
    const { gen, data, it } = cxt;
    gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._) `${it.parentData}[${it.parentDataProperty}]`));
}
function addErrs(cxt, errs) {
    const { gen } = cxt;
    gen.if((0, codegen_1._) `Array.isArray(${errs})`, () => {
        gen
            .assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`)
            .assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
    }, () => cxt.error());
}
function checkAsyncKeyword({ schemaEnv }, def) {
    if (def.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
}
function useKeyword(gen, keyword, result) {
    if (result === undefined)
        throw new Error(`keyword "${keyword}" failed to compile`);
    return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
}
function validSchemaType(schema, schemaType, allowUndefined = false) {
    // TODO add tests
    return (!schemaType.length ||
        schemaType.some((st) => st === "array"
            ? Array.isArray(schema)
            : st === "object"
                ? schema && typeof schema == "object" && !Array.isArray(schema)
                : typeof schema == st || (allowUndefined && typeof schema == "undefined")));
}
exports.validSchemaType = validSchemaType;
function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def, keyword) {
    /* istanbul ignore if */
    if (Array.isArray(def.keyword) ? !def.keyword.includes(keyword) : def.keyword !== keyword) {
        throw new Error("ajv implementation error");
    }
    const deps = def.dependencies;
    if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
    }
    if (def.validateSchema) {
        const valid = def.validateSchema(schema[keyword]);
        if (!valid) {
            const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` +
                self.errorsText(def.validateSchema.errors);
            if (opts.validateSchema === "log")
                self.logger.error(msg);
            else
                throw new Error(msg);
        }
    }
}
exports.validateKeywordUsage = validateKeywordUsage;
//# sourceMappingURL=keyword.js.map

/***/ }),

/***/ 26200:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.extendSubschemaMode = exports.extendSubschemaData = exports.getSubschema = void 0;
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
    if (keyword !== undefined && schema !== undefined) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
    }
    if (keyword !== undefined) {
        const sch = it.schema[keyword];
        return schemaProp === undefined
            ? {
                schema: sch,
                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
                errSchemaPath: `${it.errSchemaPath}/${keyword}`,
            }
            : {
                schema: sch[schemaProp],
                schemaPath: (0, codegen_1._) `${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
                errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`,
            };
    }
    if (schema !== undefined) {
        if (schemaPath === undefined || errSchemaPath === undefined || topSchemaRef === undefined) {
            throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
            schema,
            schemaPath,
            topSchemaRef,
            errSchemaPath,
        };
    }
    throw new Error('either "keyword" or "schema" must be passed');
}
exports.getSubschema = getSubschema;
function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
    if (data !== undefined && dataProp !== undefined) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
    }
    const { gen } = it;
    if (dataProp !== undefined) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._) `${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str) `${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._) `${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
    }
    if (data !== undefined) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true); // replaceable if used once?
        dataContextProps(nextData);
        if (propertyName !== undefined)
            subschema.propertyName = propertyName;
        // TODO something is possibly wrong here with not changing parentDataProperty and not appending dataPathArr
    }
    if (dataTypes)
        subschema.dataTypes = dataTypes;
    function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
    }
}
exports.extendSubschemaData = extendSubschemaData;
function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
    if (compositeRule !== undefined)
        subschema.compositeRule = compositeRule;
    if (createErrors !== undefined)
        subschema.createErrors = createErrors;
    if (allErrors !== undefined)
        subschema.allErrors = allErrors;
    subschema.jtdDiscriminator = jtdDiscriminator; // not inherited
    subschema.jtdMetadata = jtdMetadata; // not inherited
}
exports.extendSubschemaMode = extendSubschemaMode;
//# sourceMappingURL=subschema.js.map

/***/ }),

/***/ 63893:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = void 0;
var validate_1 = __nccwpck_require__(87881);
Object.defineProperty(exports, "KeywordCxt", ({ enumerable: true, get: function () { return validate_1.KeywordCxt; } }));
var codegen_1 = __nccwpck_require__(81436);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return codegen_1._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return codegen_1.str; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return codegen_1.stringify; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return codegen_1.nil; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return codegen_1.Name; } }));
Object.defineProperty(exports, "CodeGen", ({ enumerable: true, get: function () { return codegen_1.CodeGen; } }));
const validation_error_1 = __nccwpck_require__(33021);
const ref_error_1 = __nccwpck_require__(53162);
const rules_1 = __nccwpck_require__(7353);
const compile_1 = __nccwpck_require__(2718);
const codegen_2 = __nccwpck_require__(81436);
const resolve_1 = __nccwpck_require__(24090);
const dataType_1 = __nccwpck_require__(86685);
const util_1 = __nccwpck_require__(84464);
const $dataRefSchema = __nccwpck_require__(63837);
const uri_1 = __nccwpck_require__(36285);
const defaultRegExp = (str, flags) => new RegExp(str, flags);
defaultRegExp.code = "new RegExp";
const META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
const EXT_SCOPE_NAMES = new Set([
    "validate",
    "serialize",
    "parse",
    "wrapper",
    "root",
    "schema",
    "keyword",
    "pattern",
    "formats",
    "validate$data",
    "func",
    "obj",
    "Error",
]);
const removedOptions = {
    errorDataPath: "",
    format: "`validateFormats: false` can be used instead.",
    nullable: '"nullable" keyword is supported by default.',
    jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
    extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
    missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
    processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
    sourceCode: "Use option `code: {source: true}`",
    strictDefaults: "It is default now, see option `strict`.",
    strictKeywords: "It is default now, see option `strict`.",
    uniqueItems: '"uniqueItems" keyword is always validated.',
    unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
    cache: "Map is used as cache, schema object as key.",
    serialize: "Map is used as cache, schema object as key.",
    ajvErrors: "It is default now.",
};
const deprecatedOptions = {
    ignoreKeywordsWithRef: "",
    jsPropertySyntax: "",
    unicode: '"minLength"/"maxLength" account for unicode characters by default.',
};
const MAX_EXPRESSION = 200;
// eslint-disable-next-line complexity
function requiredOptions(o) {
    var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
    const s = o.strict;
    const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
    const optimize = _optz === true || _optz === undefined ? 1 : _optz || 0;
    const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
    const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
    return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver: uriResolver,
    };
}
class Ajv {
    constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = Object.create(null);
        this._compilations = new Set();
        this._loading = {};
        this._cache = new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
            addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
            addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
            this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
    }
    _addVocabularies() {
        this.addKeyword("$async");
    }
    _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
            _dataRefSchema = { ...$dataRefSchema };
            _dataRefSchema.id = _dataRefSchema.$id;
            delete _dataRefSchema.$id;
        }
        if (meta && $data)
            this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
    }
    defaultMeta() {
        const { meta, schemaId } = this.opts;
        return (this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : undefined);
    }
    validate(schemaKeyRef, // key, ref or schema object
    // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
    data // to be validated
    ) {
        let v;
        if (typeof schemaKeyRef == "string") {
            v = this.getSchema(schemaKeyRef);
            if (!v)
                throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        }
        else {
            v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
            this.errors = v.errors;
        return valid;
    }
    compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return (sch.validate || this._compileSchemaEnv(sch));
    }
    compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
            throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
            await loadMetaSchema.call(this, _schema.$schema);
            const sch = this._addSchema(_schema, _meta);
            return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
            if ($ref && !this.getSchema($ref)) {
                await runCompileAsync.call(this, { $ref }, true);
            }
        }
        async function _compileAsync(sch) {
            try {
                return this._compileSchemaEnv(sch);
            }
            catch (e) {
                if (!(e instanceof ref_error_1.default))
                    throw e;
                checkLoaded.call(this, e);
                await loadMissingSchema.call(this, e.missingSchema);
                return _compileAsync.call(this, sch);
            }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
            if (this.refs[ref]) {
                throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
            }
        }
        async function loadMissingSchema(ref) {
            const _schema = await _loadSchema.call(this, ref);
            if (!this.refs[ref])
                await loadMetaSchema.call(this, _schema.$schema);
            if (!this.refs[ref])
                this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
            const p = this._loading[ref];
            if (p)
                return p;
            try {
                return await (this._loading[ref] = loadSchema(ref));
            }
            finally {
                delete this._loading[ref];
            }
        }
    }
    // Adds schema to the instance
    addSchema(schema, // If array is passed, `key` will be ignored
    key, // Optional schema key. Can be passed to `validate` method instead of schema object or id/ref. One schema per instance can have empty `id` and `key`.
    _meta, // true if schema is a meta-schema. Used internally, addMetaSchema should be used instead.
    _validateSchema = this.opts.validateSchema // false to skip schema validation. Used internally, option validateSchema should be used instead.
    ) {
        if (Array.isArray(schema)) {
            for (const sch of schema)
                this.addSchema(sch, undefined, _meta, _validateSchema);
            return this;
        }
        let id;
        if (typeof schema === "object") {
            const { schemaId } = this.opts;
            id = schema[schemaId];
            if (id !== undefined && typeof id != "string") {
                throw new Error(`schema ${schemaId} must be string`);
            }
        }
        key = (0, resolve_1.normalizeId)(key || id);
        this._checkUnique(key);
        this.schemas[key] = this._addSchema(schema, _meta, key, _validateSchema, true);
        return this;
    }
    // Add schema that will be used to validate other schemas
    // options in META_IGNORE_OPTIONS are alway set to false
    addMetaSchema(schema, key, // schema key
    _validateSchema = this.opts.validateSchema // false to skip schema validation, can be used to override validateSchema option for meta-schema
    ) {
        this.addSchema(schema, key, true, _validateSchema);
        return this;
    }
    //  Validate schema against its meta-schema
    validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
            return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== undefined && typeof $schema != "string") {
            throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
            this.logger.warn("meta-schema not available");
            this.errors = null;
            return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
            const message = "schema is invalid: " + this.errorsText();
            if (this.opts.validateSchema === "log")
                this.logger.error(message);
            else
                throw new Error(message);
        }
        return valid;
    }
    // Get compiled schema by `key` or `ref`.
    // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
    getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
            keyRef = sch;
        if (sch === undefined) {
            const { schemaId } = this.opts;
            const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
            sch = compile_1.resolveSchema.call(this, root, keyRef);
            if (!sch)
                return;
            this.refs[keyRef] = sch;
        }
        return (sch.validate || this._compileSchemaEnv(sch));
    }
    // Remove cached schema(s).
    // If no parameter is passed all schemas but meta-schemas are removed.
    // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
    // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
    removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
            this._removeAllSchemas(this.schemas, schemaKeyRef);
            this._removeAllSchemas(this.refs, schemaKeyRef);
            return this;
        }
        switch (typeof schemaKeyRef) {
            case "undefined":
                this._removeAllSchemas(this.schemas);
                this._removeAllSchemas(this.refs);
                this._cache.clear();
                return this;
            case "string": {
                const sch = getSchEnv.call(this, schemaKeyRef);
                if (typeof sch == "object")
                    this._cache.delete(sch.schema);
                delete this.schemas[schemaKeyRef];
                delete this.refs[schemaKeyRef];
                return this;
            }
            case "object": {
                const cacheKey = schemaKeyRef;
                this._cache.delete(cacheKey);
                let id = schemaKeyRef[this.opts.schemaId];
                if (id) {
                    id = (0, resolve_1.normalizeId)(id);
                    delete this.schemas[id];
                    delete this.refs[id];
                }
                return this;
            }
            default:
                throw new Error("ajv.removeSchema: invalid parameter");
        }
    }
    // add "vocabulary" - a collection of keywords
    addVocabulary(definitions) {
        for (const def of definitions)
            this.addKeyword(def);
        return this;
    }
    addKeyword(kwdOrDef, def // deprecated
    ) {
        let keyword;
        if (typeof kwdOrDef == "string") {
            keyword = kwdOrDef;
            if (typeof def == "object") {
                this.logger.warn("these parameters are deprecated, see docs for addKeyword");
                def.keyword = keyword;
            }
        }
        else if (typeof kwdOrDef == "object" && def === undefined) {
            def = kwdOrDef;
            keyword = def.keyword;
            if (Array.isArray(keyword) && !keyword.length) {
                throw new Error("addKeywords: keyword must be string or non-empty array");
            }
        }
        else {
            throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def);
        if (!def) {
            (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
            return this;
        }
        keywordMetaschema.call(this, def);
        const definition = {
            ...def,
            type: (0, dataType_1.getJSONTypes)(def.type),
            schemaType: (0, dataType_1.getJSONTypes)(def.schemaType),
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0
            ? (k) => addRule.call(this, k, definition)
            : (k) => definition.type.forEach((t) => addRule.call(this, k, definition, t)));
        return this;
    }
    getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
    }
    // Remove keyword
    removeKeyword(keyword) {
        // TODO return type should be Ajv
        const { RULES } = this;
        delete RULES.keywords[keyword];
        delete RULES.all[keyword];
        for (const group of RULES.rules) {
            const i = group.rules.findIndex((rule) => rule.keyword === keyword);
            if (i >= 0)
                group.rules.splice(i, 1);
        }
        return this;
    }
    // Add format
    addFormat(name, format) {
        if (typeof format == "string")
            format = new RegExp(format);
        this.formats[name] = format;
        return this;
    }
    errorsText(errors = this.errors, // optional array of validation errors
    { separator = ", ", dataVar = "data" } = {} // optional options with properties `separator` and `dataVar`
    ) {
        if (!errors || errors.length === 0)
            return "No errors";
        return errors
            .map((e) => `${dataVar}${e.instancePath} ${e.message}`)
            .reduce((text, msg) => text + separator + msg);
    }
    $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
            const segments = jsonPointer.split("/").slice(1); // first segment is an empty string
            let keywords = metaSchema;
            for (const seg of segments)
                keywords = keywords[seg];
            for (const key in rules) {
                const rule = rules[key];
                if (typeof rule != "object")
                    continue;
                const { $data } = rule.definition;
                const schema = keywords[key];
                if ($data && schema)
                    keywords[key] = schemaOrData(schema);
            }
        }
        return metaSchema;
    }
    _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
            const sch = schemas[keyRef];
            if (!regex || regex.test(keyRef)) {
                if (typeof sch == "string") {
                    delete schemas[keyRef];
                }
                else if (sch && !sch.meta) {
                    this._cache.delete(sch.schema);
                    delete schemas[keyRef];
                }
            }
        }
    }
    _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
            id = schema[schemaId];
        }
        else {
            if (this.opts.jtd)
                throw new Error("schema must be object");
            else if (typeof schema != "boolean")
                throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== undefined)
            return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
            // TODO atm it is allowed to overwrite schemas without id (instead of not adding them)
            if (baseId)
                this._checkUnique(baseId);
            this.refs[baseId] = sch;
        }
        if (validateSchema)
            this.validateSchema(schema, true);
        return sch;
    }
    _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
            throw new Error(`schema with key or id "${id}" already exists`);
        }
    }
    _compileSchemaEnv(sch) {
        if (sch.meta)
            this._compileMetaSchema(sch);
        else
            compile_1.compileSchema.call(this, sch);
        /* istanbul ignore if */
        if (!sch.validate)
            throw new Error("ajv implementation error");
        return sch.validate;
    }
    _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
            compile_1.compileSchema.call(this, sch);
        }
        finally {
            this.opts = currentOpts;
        }
    }
}
Ajv.ValidationError = validation_error_1.default;
Ajv.MissingRefError = ref_error_1.default;
exports["default"] = Ajv;
function checkOptions(checkOpts, options, msg, log = "error") {
    for (const key in checkOpts) {
        const opt = key;
        if (opt in options)
            this.logger[log](`${msg}: option ${key}. ${checkOpts[opt]}`);
    }
}
function getSchEnv(keyRef) {
    keyRef = (0, resolve_1.normalizeId)(keyRef); // TODO tests fail without this line
    return this.schemas[keyRef] || this.refs[keyRef];
}
function addInitialSchemas() {
    const optsSchemas = this.opts.schemas;
    if (!optsSchemas)
        return;
    if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
    else
        for (const key in optsSchemas)
            this.addSchema(optsSchemas[key], key);
}
function addInitialFormats() {
    for (const name in this.opts.formats) {
        const format = this.opts.formats[name];
        if (format)
            this.addFormat(name, format);
    }
}
function addInitialKeywords(defs) {
    if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
    }
    this.logger.warn("keywords option as map is deprecated, pass array");
    for (const keyword in defs) {
        const def = defs[keyword];
        if (!def.keyword)
            def.keyword = keyword;
        this.addKeyword(def);
    }
}
function getMetaSchemaOptions() {
    const metaOpts = { ...this.opts };
    for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
    return metaOpts;
}
const noLogs = { log() { }, warn() { }, error() { } };
function getLogger(logger) {
    if (logger === false)
        return noLogs;
    if (logger === undefined)
        return console;
    if (logger.log && logger.warn && logger.error)
        return logger;
    throw new Error("logger must implement log, warn and error methods");
}
const KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
function checkKeyword(keyword, def) {
    const { RULES } = this;
    (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES.keywords[kwd])
            throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
            throw new Error(`Keyword ${kwd} has invalid name`);
    });
    if (!def)
        return;
    if (def.$data && !("code" in def || "validate" in def)) {
        throw new Error('$data keyword must have "code" or "validate" function');
    }
}
function addRule(keyword, definition, dataType) {
    var _a;
    const post = definition === null || definition === void 0 ? void 0 : definition.post;
    if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
    const { RULES } = this;
    let ruleGroup = post ? RULES.post : RULES.rules.find(({ type: t }) => t === dataType);
    if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES.rules.push(ruleGroup);
    }
    RULES.keywords[keyword] = true;
    if (!definition)
        return;
    const rule = {
        keyword,
        definition: {
            ...definition,
            type: (0, dataType_1.getJSONTypes)(definition.type),
            schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType),
        },
    };
    if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
    else
        ruleGroup.rules.push(rule);
    RULES.all[keyword] = rule;
    (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
}
function addBeforeRule(ruleGroup, rule, before) {
    const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
    if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
    }
    else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
    }
}
function keywordMetaschema(def) {
    let { metaSchema } = def;
    if (metaSchema === undefined)
        return;
    if (def.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
    def.validateSchema = this.compile(metaSchema, true);
}
const $dataRef = {
    $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
};
function schemaOrData(schema) {
    return { anyOf: [schema, $dataRef] };
}
//# sourceMappingURL=core.js.map

/***/ }),

/***/ 24951:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://github.com/ajv-validator/ajv/issues/889
const equal = __nccwpck_require__(23430);
equal.code = 'require("ajv/dist/runtime/equal").default';
exports["default"] = equal;
//# sourceMappingURL=equal.js.map

/***/ }),

/***/ 36214:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
// https://mathiasbynens.be/notes/javascript-encoding
// https://github.com/bestiejs/punycode.js - punycode.ucs2.decode
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}
exports["default"] = ucs2length;
ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
//# sourceMappingURL=ucs2length.js.map

/***/ }),

/***/ 36285:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const uri = __nccwpck_require__(24352);
uri.code = 'require("ajv/dist/runtime/uri").default';
exports["default"] = uri;
//# sourceMappingURL=uri.js.map

/***/ }),

/***/ 33021:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
class ValidationError extends Error {
    constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
    }
}
exports["default"] = ValidationError;
//# sourceMappingURL=validation_error.js.map

/***/ }),

/***/ 73448:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateAdditionalItems = void 0;
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const error = {
    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
};
const def = {
    keyword: "additionalItems",
    type: "array",
    schemaType: ["boolean", "object"],
    before: "uniqueItems",
    error,
    code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
            (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
            return;
        }
        validateAdditionalItems(cxt, items);
    },
};
function validateAdditionalItems(cxt, items) {
    const { gen, schema, data, keyword, it } = cxt;
    it.items = true;
    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
    if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._) `${len} <= ${items.length}`);
    }
    else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._) `${len} <= ${items.length}`); // TODO var
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
    }
    function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
            cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
            if (!it.allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
    }
}
exports.validateAdditionalItems = validateAdditionalItems;
exports["default"] = def;
//# sourceMappingURL=additionalItems.js.map

/***/ }),

/***/ 42431:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(28484);
const codegen_1 = __nccwpck_require__(81436);
const names_1 = __nccwpck_require__(90630);
const util_1 = __nccwpck_require__(84464);
const error = {
    message: "must NOT have additional properties",
    params: ({ params }) => (0, codegen_1._) `{additionalProperty: ${params.additionalProperty}}`,
};
const def = {
    keyword: "additionalProperties",
    type: ["object"],
    schemaType: ["boolean", "object"],
    allowUndefined: true,
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        /* istanbul ignore if */
        if (!errsCount)
            throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
            return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._) `${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
            gen.forIn("key", data, (key) => {
                if (!props.length && !patProps.length)
                    additionalPropertyCode(key);
                else
                    gen.if(isAdditional(key), () => additionalPropertyCode(key));
            });
        }
        function isAdditional(key) {
            let definedProp;
            if (props.length > 8) {
                // TODO maybe an option instead of hard-coded 8?
                const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
                definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key);
            }
            else if (props.length) {
                definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._) `${key} === ${p}`));
            }
            else {
                definedProp = codegen_1.nil;
            }
            if (patProps.length) {
                definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._) `${(0, code_1.usePattern)(cxt, p)}.test(${key})`));
            }
            return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key) {
            gen.code((0, codegen_1._) `delete ${data}[${key}]`);
        }
        function additionalPropertyCode(key) {
            if (opts.removeAdditional === "all" || (opts.removeAdditional && schema === false)) {
                deleteAdditional(key);
                return;
            }
            if (schema === false) {
                cxt.setParams({ additionalProperty: key });
                cxt.error();
                if (!allErrors)
                    gen.break();
                return;
            }
            if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
                const valid = gen.name("valid");
                if (opts.removeAdditional === "failing") {
                    applyAdditionalSchema(key, valid, false);
                    gen.if((0, codegen_1.not)(valid), () => {
                        cxt.reset();
                        deleteAdditional(key);
                    });
                }
                else {
                    applyAdditionalSchema(key, valid);
                    if (!allErrors)
                        gen.if((0, codegen_1.not)(valid), () => gen.break());
                }
            }
        }
        function applyAdditionalSchema(key, valid, errors) {
            const subschema = {
                keyword: "additionalProperties",
                dataProp: key,
                dataPropType: util_1.Type.Str,
            };
            if (errors === false) {
                Object.assign(subschema, {
                    compositeRule: true,
                    createErrors: false,
                    allErrors: false,
                });
            }
            cxt.subschema(subschema, valid);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=additionalProperties.js.map

/***/ }),

/***/ 39205:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const util_1 = __nccwpck_require__(84464);
const def = {
    keyword: "allOf",
    schemaType: "array",
    code(cxt) {
        const { gen, schema, it } = cxt;
        /* istanbul ignore if */
        if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
            if ((0, util_1.alwaysValidSchema)(it, sch))
                return;
            const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
            cxt.ok(valid);
            cxt.mergeEvaluated(schCxt);
        });
    },
};
exports["default"] = def;
//# sourceMappingURL=allOf.js.map

/***/ }),

/***/ 89380:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(28484);
const def = {
    keyword: "anyOf",
    schemaType: "array",
    trackErrors: true,
    code: code_1.validateUnion,
    error: { message: "must match a schema in anyOf" },
};
exports["default"] = def;
//# sourceMappingURL=anyOf.js.map

/***/ }),

/***/ 16182:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const error = {
    message: ({ params: { min, max } }) => max === undefined
        ? (0, codegen_1.str) `must contain at least ${min} valid item(s)`
        : (0, codegen_1.str) `must contain at least ${min} and no more than ${max} valid item(s)`,
    params: ({ params: { min, max } }) => max === undefined ? (0, codegen_1._) `{minContains: ${min}}` : (0, codegen_1._) `{minContains: ${min}, maxContains: ${max}}`,
};
const def = {
    keyword: "contains",
    type: "array",
    schemaType: ["object", "boolean"],
    before: "uniqueItems",
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
            min = minContains === undefined ? 1 : minContains;
            max = maxContains;
        }
        else {
            min = 1;
        }
        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
        cxt.setParams({ min, max });
        if (max === undefined && min === 0) {
            (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
            return;
        }
        if (max !== undefined && min > max) {
            (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
            cxt.fail();
            return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
            let cond = (0, codegen_1._) `${len} >= ${min}`;
            if (max !== undefined)
                cond = (0, codegen_1._) `${cond} && ${len} <= ${max}`;
            cxt.pass(cond);
            return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === undefined && min === 1) {
            validateItems(valid, () => gen.if(valid, () => gen.break()));
        }
        else if (min === 0) {
            gen.let(valid, true);
            if (max !== undefined)
                gen.if((0, codegen_1._) `${data}.length > 0`, validateItemsWithCount);
        }
        else {
            gen.let(valid, false);
            validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
            const schValid = gen.name("_valid");
            const count = gen.let("count", 0);
            validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
            gen.forRange("i", 0, len, (i) => {
                cxt.subschema({
                    keyword: "contains",
                    dataProp: i,
                    dataPropType: util_1.Type.Num,
                    compositeRule: true,
                }, _valid);
                block();
            });
        }
        function checkLimits(count) {
            gen.code((0, codegen_1._) `${count}++`);
            if (max === undefined) {
                gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true).break());
            }
            else {
                gen.if((0, codegen_1._) `${count} > ${max}`, () => gen.assign(valid, false).break());
                if (min === 1)
                    gen.assign(valid, true);
                else
                    gen.if((0, codegen_1._) `${count} >= ${min}`, () => gen.assign(valid, true));
            }
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=contains.js.map

/***/ }),

/***/ 95826:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateSchemaDeps = exports.validatePropertyDeps = exports.error = void 0;
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const code_1 = __nccwpck_require__(28484);
exports.error = {
    message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str) `must have ${property_ies} ${deps} when property ${property} is present`;
    },
    params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._) `{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`, // TODO change to reference
};
const def = {
    keyword: "dependencies",
    type: "object",
    schemaType: "object",
    error: exports.error,
    code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
    },
};
function splitDependencies({ schema }) {
    const propertyDeps = {};
    const schemaDeps = {};
    for (const key in schema) {
        if (key === "__proto__")
            continue;
        const deps = Array.isArray(schema[key]) ? propertyDeps : schemaDeps;
        deps[key] = schema[key];
    }
    return [propertyDeps, schemaDeps];
}
function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
    const { gen, data, it } = cxt;
    if (Object.keys(propertyDeps).length === 0)
        return;
    const missing = gen.let("missing");
    for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
            continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
            property: prop,
            depsCount: deps.length,
            deps: deps.join(", "),
        });
        if (it.allErrors) {
            gen.if(hasProperty, () => {
                for (const depProp of deps) {
                    (0, code_1.checkReportMissingProp)(cxt, depProp);
                }
            });
        }
        else {
            gen.if((0, codegen_1._) `${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
        }
    }
}
exports.validatePropertyDeps = validatePropertyDeps;
function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
    const { gen, data, keyword, it } = cxt;
    const valid = gen.name("valid");
    for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
            continue;
        gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties), () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
        }, () => gen.var(valid, true) // TODO var
        );
        cxt.ok(valid);
    }
}
exports.validateSchemaDeps = validateSchemaDeps;
exports["default"] = def;
//# sourceMappingURL=dependencies.js.map

/***/ }),

/***/ 48584:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const error = {
    message: ({ params }) => (0, codegen_1.str) `must match "${params.ifClause}" schema`,
    params: ({ params }) => (0, codegen_1._) `{failingKeyword: ${params.ifClause}}`,
};
const def = {
    keyword: "if",
    schemaType: ["object", "boolean"],
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === undefined && parentSchema.else === undefined) {
            (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
            return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
            const ifClause = gen.let("ifClause");
            cxt.setParams({ ifClause });
            gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        }
        else if (hasThen) {
            gen.if(schValid, validateClause("then"));
        }
        else {
            gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
            const schCxt = cxt.subschema({
                keyword: "if",
                compositeRule: true,
                createErrors: false,
                allErrors: false,
            }, schValid);
            cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
            return () => {
                const schCxt = cxt.subschema({ keyword }, schValid);
                gen.assign(valid, schValid);
                cxt.mergeValidEvaluated(schCxt, valid);
                if (ifClause)
                    gen.assign(ifClause, (0, codegen_1._) `${keyword}`);
                else
                    cxt.setParams({ ifClause: keyword });
            };
        }
    },
};
function hasSchema(it, keyword) {
    const schema = it.schema[keyword];
    return schema !== undefined && !(0, util_1.alwaysValidSchema)(it, schema);
}
exports["default"] = def;
//# sourceMappingURL=if.js.map

/***/ }),

/***/ 28775:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const additionalItems_1 = __nccwpck_require__(73448);
const prefixItems_1 = __nccwpck_require__(6467);
const items_1 = __nccwpck_require__(75791);
const items2020_1 = __nccwpck_require__(52959);
const contains_1 = __nccwpck_require__(16182);
const dependencies_1 = __nccwpck_require__(95826);
const propertyNames_1 = __nccwpck_require__(71372);
const additionalProperties_1 = __nccwpck_require__(42431);
const properties_1 = __nccwpck_require__(88778);
const patternProperties_1 = __nccwpck_require__(50664);
const not_1 = __nccwpck_require__(8350);
const anyOf_1 = __nccwpck_require__(89380);
const oneOf_1 = __nccwpck_require__(22490);
const allOf_1 = __nccwpck_require__(39205);
const if_1 = __nccwpck_require__(48584);
const thenElse_1 = __nccwpck_require__(46829);
function getApplicator(draft2020 = false) {
    const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default,
    ];
    // array
    if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
    else
        applicator.push(additionalItems_1.default, items_1.default);
    applicator.push(contains_1.default);
    return applicator;
}
exports["default"] = getApplicator;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 75791:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateTuple = void 0;
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const code_1 = __nccwpck_require__(28484);
const def = {
    keyword: "items",
    type: "array",
    schemaType: ["object", "array", "boolean"],
    before: "uniqueItems",
    code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
            return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
            return;
        cxt.ok((0, code_1.validateArray)(cxt));
    },
};
function validateTuple(cxt, extraItems, schArr = cxt.schema) {
    const { gen, parentSchema, data, keyword, it } = cxt;
    checkStrictTuple(parentSchema);
    if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
    }
    const valid = gen.name("valid");
    const len = gen.const("len", (0, codegen_1._) `${data}.length`);
    schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
        gen.if((0, codegen_1._) `${len} > ${i}`, () => cxt.subschema({
            keyword,
            schemaProp: i,
            dataProp: i,
        }, valid));
        cxt.ok(valid);
    });
    function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
            const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
            (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
    }
}
exports.validateTuple = validateTuple;
exports["default"] = def;
//# sourceMappingURL=items.js.map

/***/ }),

/***/ 52959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const code_1 = __nccwpck_require__(28484);
const additionalItems_1 = __nccwpck_require__(73448);
const error = {
    message: ({ params: { len } }) => (0, codegen_1.str) `must NOT have more than ${len} items`,
    params: ({ params: { len } }) => (0, codegen_1._) `{limit: ${len}}`,
};
const def = {
    keyword: "items",
    type: "array",
    schemaType: ["object", "boolean"],
    before: "uniqueItems",
    error,
    code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
            return;
        if (prefixItems)
            (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
            cxt.ok((0, code_1.validateArray)(cxt));
    },
};
exports["default"] = def;
//# sourceMappingURL=items2020.js.map

/***/ }),

/***/ 8350:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const util_1 = __nccwpck_require__(84464);
const def = {
    keyword: "not",
    schemaType: ["object", "boolean"],
    trackErrors: true,
    code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
            cxt.fail();
            return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
            keyword: "not",
            compositeRule: true,
            createErrors: false,
            allErrors: false,
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
    },
    error: { message: "must NOT be valid" },
};
exports["default"] = def;
//# sourceMappingURL=not.js.map

/***/ }),

/***/ 22490:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const error = {
    message: "must match exactly one schema in oneOf",
    params: ({ params }) => (0, codegen_1._) `{passingSchemas: ${params.passing}}`,
};
const def = {
    keyword: "oneOf",
    schemaType: "array",
    trackErrors: true,
    error,
    code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        /* istanbul ignore if */
        if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
            return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        // TODO possibly fail straight away (with warning or exception) if there are two empty always valid schemas
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
            schArr.forEach((sch, i) => {
                let schCxt;
                if ((0, util_1.alwaysValidSchema)(it, sch)) {
                    gen.var(schValid, true);
                }
                else {
                    schCxt = cxt.subschema({
                        keyword: "oneOf",
                        schemaProp: i,
                        compositeRule: true,
                    }, schValid);
                }
                if (i > 0) {
                    gen
                        .if((0, codegen_1._) `${schValid} && ${valid}`)
                        .assign(valid, false)
                        .assign(passing, (0, codegen_1._) `[${passing}, ${i}]`)
                        .else();
                }
                gen.if(schValid, () => {
                    gen.assign(valid, true);
                    gen.assign(passing, i);
                    if (schCxt)
                        cxt.mergeEvaluated(schCxt, codegen_1.Name);
                });
            });
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=oneOf.js.map

/***/ }),

/***/ 50664:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(28484);
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const util_2 = __nccwpck_require__(84464);
const def = {
    keyword: "patternProperties",
    type: "object",
    schemaType: "object",
    code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 ||
            (alwaysValidPatterns.length === patterns.length &&
                (!it.opts.unevaluated || it.props === true))) {
            return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
            it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
            for (const pat of patterns) {
                if (checkProperties)
                    checkMatchingProperties(pat);
                if (it.allErrors) {
                    validateProperties(pat);
                }
                else {
                    gen.var(valid, true); // TODO var
                    validateProperties(pat);
                    gen.if(valid);
                }
            }
        }
        function checkMatchingProperties(pat) {
            for (const prop in checkProperties) {
                if (new RegExp(pat).test(prop)) {
                    (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
                }
            }
        }
        function validateProperties(pat) {
            gen.forIn("key", data, (key) => {
                gen.if((0, codegen_1._) `${(0, code_1.usePattern)(cxt, pat)}.test(${key})`, () => {
                    const alwaysValid = alwaysValidPatterns.includes(pat);
                    if (!alwaysValid) {
                        cxt.subschema({
                            keyword: "patternProperties",
                            schemaProp: pat,
                            dataProp: key,
                            dataPropType: util_2.Type.Str,
                        }, valid);
                    }
                    if (it.opts.unevaluated && props !== true) {
                        gen.assign((0, codegen_1._) `${props}[${key}]`, true);
                    }
                    else if (!alwaysValid && !it.allErrors) {
                        // can short-circuit if `unevaluatedProperties` is not supported (opts.next === false)
                        // or if all properties were evaluated (props === true)
                        gen.if((0, codegen_1.not)(valid), () => gen.break());
                    }
                });
            });
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=patternProperties.js.map

/***/ }),

/***/ 6467:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const items_1 = __nccwpck_require__(75791);
const def = {
    keyword: "prefixItems",
    type: "array",
    schemaType: ["array"],
    before: "uniqueItems",
    code: (cxt) => (0, items_1.validateTuple)(cxt, "items"),
};
exports["default"] = def;
//# sourceMappingURL=prefixItems.js.map

/***/ }),

/***/ 88778:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const validate_1 = __nccwpck_require__(87881);
const code_1 = __nccwpck_require__(28484);
const util_1 = __nccwpck_require__(84464);
const additionalProperties_1 = __nccwpck_require__(42431);
const def = {
    keyword: "properties",
    type: "object",
    schemaType: "object",
    code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === undefined) {
            additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
            it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
            it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
            return;
        const valid = gen.name("valid");
        for (const prop of properties) {
            if (hasDefault(prop)) {
                applyPropertySchema(prop);
            }
            else {
                gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
                applyPropertySchema(prop);
                if (!it.allErrors)
                    gen.else().var(valid, true);
                gen.endIf();
            }
            cxt.it.definedProperties.add(prop);
            cxt.ok(valid);
        }
        function hasDefault(prop) {
            return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== undefined;
        }
        function applyPropertySchema(prop) {
            cxt.subschema({
                keyword: "properties",
                schemaProp: prop,
                dataProp: prop,
            }, valid);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=properties.js.map

/***/ }),

/***/ 71372:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const error = {
    message: "property name must be valid",
    params: ({ params }) => (0, codegen_1._) `{propertyName: ${params.propertyName}}`,
};
const def = {
    keyword: "propertyNames",
    type: "object",
    schemaType: ["object", "boolean"],
    error,
    code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
            return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key) => {
            cxt.setParams({ propertyName: key });
            cxt.subschema({
                keyword: "propertyNames",
                data: key,
                dataTypes: ["string"],
                propertyName: key,
                compositeRule: true,
            }, valid);
            gen.if((0, codegen_1.not)(valid), () => {
                cxt.error(true);
                if (!it.allErrors)
                    gen.break();
            });
        });
        cxt.ok(valid);
    },
};
exports["default"] = def;
//# sourceMappingURL=propertyNames.js.map

/***/ }),

/***/ 46829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const util_1 = __nccwpck_require__(84464);
const def = {
    keyword: ["then", "else"],
    schemaType: ["object", "boolean"],
    code({ keyword, parentSchema, it }) {
        if (parentSchema.if === undefined)
            (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
    },
};
exports["default"] = def;
//# sourceMappingURL=thenElse.js.map

/***/ }),

/***/ 28484:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.validateUnion = exports.validateArray = exports.usePattern = exports.callValidateCode = exports.schemaProperties = exports.allSchemaProperties = exports.noPropertyInData = exports.propertyInData = exports.isOwnProperty = exports.hasPropFunc = exports.reportMissingProp = exports.checkMissingProp = exports.checkReportMissingProp = void 0;
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const names_1 = __nccwpck_require__(90630);
const util_2 = __nccwpck_require__(84464);
function checkReportMissingProp(cxt, prop) {
    const { gen, data, it } = cxt;
    gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._) `${prop}` }, true);
        cxt.error();
    });
}
exports.checkReportMissingProp = checkReportMissingProp;
function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
    return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._) `${missing} = ${prop}`)));
}
exports.checkMissingProp = checkMissingProp;
function reportMissingProp(cxt, missing) {
    cxt.setParams({ missingProperty: missing }, true);
    cxt.error();
}
exports.reportMissingProp = reportMissingProp;
function hasPropFunc(gen) {
    return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._) `Object.prototype.hasOwnProperty`,
    });
}
exports.hasPropFunc = hasPropFunc;
function isOwnProperty(gen, data, property) {
    return (0, codegen_1._) `${hasPropFunc(gen)}.call(${data}, ${property})`;
}
exports.isOwnProperty = isOwnProperty;
function propertyInData(gen, data, property, ownProperties) {
    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
    return ownProperties ? (0, codegen_1._) `${cond} && ${isOwnProperty(gen, data, property)}` : cond;
}
exports.propertyInData = propertyInData;
function noPropertyInData(gen, data, property, ownProperties) {
    const cond = (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(property)} === undefined`;
    return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
}
exports.noPropertyInData = noPropertyInData;
function allSchemaProperties(schemaMap) {
    return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
}
exports.allSchemaProperties = allSchemaProperties;
function schemaProperties(it, schemaMap) {
    return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
}
exports.schemaProperties = schemaProperties;
function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
    const dataAndSchema = passSchema ? (0, codegen_1._) `${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
    const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData],
    ];
    if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
    const args = (0, codegen_1._) `${dataAndSchema}, ${gen.object(...valCxt)}`;
    return context !== codegen_1.nil ? (0, codegen_1._) `${func}.call(${context}, ${args})` : (0, codegen_1._) `${func}(${args})`;
}
exports.callValidateCode = callValidateCode;
const newRegExp = (0, codegen_1._) `new RegExp`;
function usePattern({ gen, it: { opts } }, pattern) {
    const u = opts.unicodeRegExp ? "u" : "";
    const { regExp } = opts.code;
    const rx = regExp(pattern, u);
    return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._) `${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`,
    });
}
exports.usePattern = usePattern;
function validateArray(cxt) {
    const { gen, data, keyword, it } = cxt;
    const valid = gen.name("valid");
    if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
    }
    gen.var(valid, true);
    validateItems(() => gen.break());
    return valid;
    function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._) `${data}.length`);
        gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
                keyword,
                dataProp: i,
                dataPropType: util_1.Type.Num,
            }, valid);
            gen.if((0, codegen_1.not)(valid), notValid);
        });
    }
}
exports.validateArray = validateArray;
function validateUnion(cxt) {
    const { gen, schema, keyword, it } = cxt;
    /* istanbul ignore if */
    if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
    const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
    if (alwaysValid && !it.opts.unevaluated)
        return;
    const valid = gen.let("valid", false);
    const schValid = gen.name("_valid");
    gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
            keyword,
            schemaProp: i,
            compositeRule: true,
        }, schValid);
        gen.assign(valid, (0, codegen_1._) `${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        // can short-circuit if `unevaluatedProperties/Items` not supported (opts.unevaluated !== true)
        // or if all properties and items were evaluated (it.props === true && it.items === true)
        if (!merged)
            gen.if((0, codegen_1.not)(valid));
    }));
    cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
}
exports.validateUnion = validateUnion;
//# sourceMappingURL=code.js.map

/***/ }),

/***/ 69872:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const def = {
    keyword: "id",
    code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
    },
};
exports["default"] = def;
//# sourceMappingURL=id.js.map

/***/ }),

/***/ 97397:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const id_1 = __nccwpck_require__(69872);
const ref_1 = __nccwpck_require__(92996);
const core = [
    "$schema",
    "$id",
    "$defs",
    "$vocabulary",
    { keyword: "$comment" },
    "definitions",
    id_1.default,
    ref_1.default,
];
exports["default"] = core;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 92996:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.callRef = exports.getValidate = void 0;
const ref_error_1 = __nccwpck_require__(53162);
const code_1 = __nccwpck_require__(28484);
const codegen_1 = __nccwpck_require__(81436);
const names_1 = __nccwpck_require__(90630);
const compile_1 = __nccwpck_require__(2718);
const util_1 = __nccwpck_require__(84464);
const def = {
    keyword: "$ref",
    schemaType: "string",
    code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
            return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === undefined)
            throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
            return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
            if (env === root)
                return callRef(cxt, validateName, env, env.$async);
            const rootName = gen.scopeValue("root", { ref: root });
            return callRef(cxt, (0, codegen_1._) `${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
            const v = getValidate(cxt, sch);
            callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
            const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
            const valid = gen.name("valid");
            const schCxt = cxt.subschema({
                schema: sch,
                dataTypes: [],
                schemaPath: codegen_1.nil,
                topSchemaRef: schName,
                errSchemaPath: $ref,
            }, valid);
            cxt.mergeEvaluated(schCxt);
            cxt.ok(valid);
        }
    },
};
function getValidate(cxt, sch) {
    const { gen } = cxt;
    return sch.validate
        ? gen.scopeValue("validate", { ref: sch.validate })
        : (0, codegen_1._) `${gen.scopeValue("wrapper", { ref: sch })}.validate`;
}
exports.getValidate = getValidate;
function callRef(cxt, v, sch, $async) {
    const { gen, it } = cxt;
    const { allErrors, schemaEnv: env, opts } = it;
    const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
    if ($async)
        callAsyncRef();
    else
        callSyncRef();
    function callAsyncRef() {
        if (!env.$async)
            throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
            gen.code((0, codegen_1._) `await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
            addEvaluatedFrom(v); // TODO will not work with async, it has to be returned with the result
            if (!allErrors)
                gen.assign(valid, true);
        }, (e) => {
            gen.if((0, codegen_1._) `!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
            addErrorsFrom(e);
            if (!allErrors)
                gen.assign(valid, false);
        });
        cxt.ok(valid);
    }
    function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
    }
    function addErrorsFrom(source) {
        const errs = (0, codegen_1._) `${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._) `${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`); // TODO tagged
        gen.assign(names_1.default.errors, (0, codegen_1._) `${names_1.default.vErrors}.length`);
    }
    function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
            return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        // TODO refactor
        if (it.props !== true) {
            if (schEvaluated && !schEvaluated.dynamicProps) {
                if (schEvaluated.props !== undefined) {
                    it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
                }
            }
            else {
                const props = gen.var("props", (0, codegen_1._) `${source}.evaluated.props`);
                it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
            }
        }
        if (it.items !== true) {
            if (schEvaluated && !schEvaluated.dynamicItems) {
                if (schEvaluated.items !== undefined) {
                    it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
                }
            }
            else {
                const items = gen.var("items", (0, codegen_1._) `${source}.evaluated.items`);
                it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
            }
        }
    }
}
exports.callRef = callRef;
exports["default"] = def;
//# sourceMappingURL=ref.js.map

/***/ }),

/***/ 28886:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const types_1 = __nccwpck_require__(87115);
const compile_1 = __nccwpck_require__(2718);
const ref_error_1 = __nccwpck_require__(53162);
const util_1 = __nccwpck_require__(84464);
const error = {
    message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag
        ? `tag "${tagName}" must be string`
        : `value of tag "${tagName}" must be in oneOf`,
    params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._) `{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`,
};
const def = {
    keyword: "discriminator",
    type: "object",
    schemaType: "object",
    error,
    code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
            throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
            throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
            throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
            throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._) `${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._) `typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
            const mapping = getMapping();
            gen.if(false);
            for (const tagValue in mapping) {
                gen.elseIf((0, codegen_1._) `${tag} === ${tagValue}`);
                gen.assign(valid, applyTagSchema(mapping[tagValue]));
            }
            gen.else();
            cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
            gen.endIf();
        }
        function applyTagSchema(schemaProp) {
            const _valid = gen.name("valid");
            const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
            cxt.mergeEvaluated(schCxt, codegen_1.Name);
            return _valid;
        }
        function getMapping() {
            var _a;
            const oneOfMapping = {};
            const topRequired = hasRequired(parentSchema);
            let tagRequired = true;
            for (let i = 0; i < oneOf.length; i++) {
                let sch = oneOf[i];
                if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
                    const ref = sch.$ref;
                    sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
                    if (sch instanceof compile_1.SchemaEnv)
                        sch = sch.schema;
                    if (sch === undefined)
                        throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
                }
                const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
                if (typeof propSch != "object") {
                    throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
                }
                tagRequired = tagRequired && (topRequired || hasRequired(sch));
                addMappings(propSch, i);
            }
            if (!tagRequired)
                throw new Error(`discriminator: "${tagName}" must be required`);
            return oneOfMapping;
            function hasRequired({ required }) {
                return Array.isArray(required) && required.includes(tagName);
            }
            function addMappings(sch, i) {
                if (sch.const) {
                    addMapping(sch.const, i);
                }
                else if (sch.enum) {
                    for (const tagValue of sch.enum) {
                        addMapping(tagValue, i);
                    }
                }
                else {
                    throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
                }
            }
            function addMapping(tagValue, i) {
                if (typeof tagValue != "string" || tagValue in oneOfMapping) {
                    throw new Error(`discriminator: "${tagName}" values must be unique strings`);
                }
                oneOfMapping[tagValue] = i;
            }
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 87115:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.DiscrError = void 0;
var DiscrError;
(function (DiscrError) {
    DiscrError["Tag"] = "tag";
    DiscrError["Mapping"] = "mapping";
})(DiscrError || (exports.DiscrError = DiscrError = {}));
//# sourceMappingURL=types.js.map

/***/ }),

/***/ 39941:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const core_1 = __nccwpck_require__(97397);
const validation_1 = __nccwpck_require__(85481);
const applicator_1 = __nccwpck_require__(28775);
const format_1 = __nccwpck_require__(72601);
const metadata_1 = __nccwpck_require__(56620);
const draft7Vocabularies = [
    core_1.default,
    validation_1.default,
    (0, applicator_1.default)(),
    format_1.default,
    metadata_1.metadataVocabulary,
    metadata_1.contentVocabulary,
];
exports["default"] = draft7Vocabularies;
//# sourceMappingURL=draft7.js.map

/***/ }),

/***/ 26402:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const error = {
    message: ({ schemaCode }) => (0, codegen_1.str) `must match format "${schemaCode}"`,
    params: ({ schemaCode }) => (0, codegen_1._) `{format: ${schemaCode}}`,
};
const def = {
    keyword: "format",
    type: ["number", "string"],
    schemaType: "string",
    $data: true,
    error,
    code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
            return;
        if ($data)
            validate$DataFormat();
        else
            validateFormat();
        function validate$DataFormat() {
            const fmts = gen.scopeValue("formats", {
                ref: self.formats,
                code: opts.code.formats,
            });
            const fDef = gen.const("fDef", (0, codegen_1._) `${fmts}[${schemaCode}]`);
            const fType = gen.let("fType");
            const format = gen.let("format");
            // TODO simplify
            gen.if((0, codegen_1._) `typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._) `${fDef}.type || "string"`).assign(format, (0, codegen_1._) `${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._) `"string"`).assign(format, fDef));
            cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
            function unknownFmt() {
                if (opts.strictSchema === false)
                    return codegen_1.nil;
                return (0, codegen_1._) `${schemaCode} && !${format}`;
            }
            function invalidFmt() {
                const callFormat = schemaEnv.$async
                    ? (0, codegen_1._) `(${fDef}.async ? await ${format}(${data}) : ${format}(${data}))`
                    : (0, codegen_1._) `${format}(${data})`;
                const validData = (0, codegen_1._) `(typeof ${format} == "function" ? ${callFormat} : ${format}.test(${data}))`;
                return (0, codegen_1._) `${format} && ${format} !== true && ${fType} === ${ruleType} && !${validData}`;
            }
        }
        function validateFormat() {
            const formatDef = self.formats[schema];
            if (!formatDef) {
                unknownFormat();
                return;
            }
            if (formatDef === true)
                return;
            const [fmtType, format, fmtRef] = getFormat(formatDef);
            if (fmtType === ruleType)
                cxt.pass(validCondition());
            function unknownFormat() {
                if (opts.strictSchema === false) {
                    self.logger.warn(unknownMsg());
                    return;
                }
                throw new Error(unknownMsg());
                function unknownMsg() {
                    return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
                }
            }
            function getFormat(fmtDef) {
                const code = fmtDef instanceof RegExp
                    ? (0, codegen_1.regexpCode)(fmtDef)
                    : opts.code.formats
                        ? (0, codegen_1._) `${opts.code.formats}${(0, codegen_1.getProperty)(schema)}`
                        : undefined;
                const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code });
                if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
                    return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._) `${fmt}.validate`];
                }
                return ["string", fmtDef, fmt];
            }
            function validCondition() {
                if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
                    if (!schemaEnv.$async)
                        throw new Error("async format in sync schema");
                    return (0, codegen_1._) `await ${fmtRef}(${data})`;
                }
                return typeof format == "function" ? (0, codegen_1._) `${fmtRef}(${data})` : (0, codegen_1._) `${fmtRef}.test(${data})`;
            }
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=format.js.map

/***/ }),

/***/ 72601:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const format_1 = __nccwpck_require__(26402);
const format = [format_1.default];
exports["default"] = format;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 56620:
/***/ ((__unused_webpack_module, exports) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.contentVocabulary = exports.metadataVocabulary = void 0;
exports.metadataVocabulary = [
    "title",
    "description",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "examples",
];
exports.contentVocabulary = [
    "contentMediaType",
    "contentEncoding",
    "contentSchema",
];
//# sourceMappingURL=metadata.js.map

/***/ }),

/***/ 98026:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const equal_1 = __nccwpck_require__(24951);
const error = {
    message: "must be equal to constant",
    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValue: ${schemaCode}}`,
};
const def = {
    keyword: "const",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || (schema && typeof schema == "object")) {
            cxt.fail$data((0, codegen_1._) `!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        }
        else {
            cxt.fail((0, codegen_1._) `${schema} !== ${data}`);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=const.js.map

/***/ }),

/***/ 93200:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const equal_1 = __nccwpck_require__(24951);
const error = {
    message: "must be equal to one of the allowed values",
    params: ({ schemaCode }) => (0, codegen_1._) `{allowedValues: ${schemaCode}}`,
};
const def = {
    keyword: "enum",
    schemaType: "array",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
            throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => (eql !== null && eql !== void 0 ? eql : (eql = (0, util_1.useFunc)(gen, equal_1.default)));
        let valid;
        if (useLoop || $data) {
            valid = gen.let("valid");
            cxt.block$data(valid, loopEnum);
        }
        else {
            /* istanbul ignore if */
            if (!Array.isArray(schema))
                throw new Error("ajv implementation error");
            const vSchema = gen.const("vSchema", schemaCode);
            valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
            gen.assign(valid, false);
            gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._) `${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
            const sch = schema[i];
            return typeof sch === "object" && sch !== null
                ? (0, codegen_1._) `${getEql()}(${data}, ${vSchema}[${i}])`
                : (0, codegen_1._) `${data} === ${sch}`;
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=enum.js.map

/***/ }),

/***/ 85481:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const limitNumber_1 = __nccwpck_require__(43723);
const multipleOf_1 = __nccwpck_require__(18132);
const limitLength_1 = __nccwpck_require__(46962);
const pattern_1 = __nccwpck_require__(96023);
const limitProperties_1 = __nccwpck_require__(895);
const required_1 = __nccwpck_require__(94504);
const limitItems_1 = __nccwpck_require__(36296);
const uniqueItems_1 = __nccwpck_require__(65132);
const const_1 = __nccwpck_require__(98026);
const enum_1 = __nccwpck_require__(93200);
const validation = [
    // number
    limitNumber_1.default,
    multipleOf_1.default,
    // string
    limitLength_1.default,
    pattern_1.default,
    // object
    limitProperties_1.default,
    required_1.default,
    // array
    limitItems_1.default,
    uniqueItems_1.default,
    // any
    { keyword: "type", schemaType: ["string", "array"] },
    { keyword: "nullable", schemaType: "boolean" },
    const_1.default,
    enum_1.default,
];
exports["default"] = validation;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 36296:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const error = {
    message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} items`;
    },
    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
};
const def = {
    keyword: ["maxItems", "minItems"],
    type: "array",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._) `${data}.length ${op} ${schemaCode}`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitItems.js.map

/***/ }),

/***/ 46962:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const ucs2length_1 = __nccwpck_require__(36214);
const error = {
    message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} characters`;
    },
    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
};
const def = {
    keyword: ["maxLength", "minLength"],
    type: "string",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._) `${data}.length` : (0, codegen_1._) `${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._) `${len} ${op} ${schemaCode}`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitLength.js.map

/***/ }),

/***/ 43723:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const ops = codegen_1.operators;
const KWDs = {
    maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
    minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
    exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
    exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE },
};
const error = {
    message: ({ keyword, schemaCode }) => (0, codegen_1.str) `must be ${KWDs[keyword].okStr} ${schemaCode}`,
    params: ({ keyword, schemaCode }) => (0, codegen_1._) `{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`,
};
const def = {
    keyword: Object.keys(KWDs),
    type: "number",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._) `${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitNumber.js.map

/***/ }),

/***/ 895:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const error = {
    message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str) `must NOT have ${comp} than ${schemaCode} properties`;
    },
    params: ({ schemaCode }) => (0, codegen_1._) `{limit: ${schemaCode}}`,
};
const def = {
    keyword: ["maxProperties", "minProperties"],
    type: "object",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._) `Object.keys(${data}).length ${op} ${schemaCode}`);
    },
};
exports["default"] = def;
//# sourceMappingURL=limitProperties.js.map

/***/ }),

/***/ 18132:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const codegen_1 = __nccwpck_require__(81436);
const error = {
    message: ({ schemaCode }) => (0, codegen_1.str) `must be multiple of ${schemaCode}`,
    params: ({ schemaCode }) => (0, codegen_1._) `{multipleOf: ${schemaCode}}`,
};
const def = {
    keyword: "multipleOf",
    type: "number",
    schemaType: "number",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        // const bdt = bad$DataType(schemaCode, <string>def.schemaType, $data)
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec
            ? (0, codegen_1._) `Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}`
            : (0, codegen_1._) `${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._) `(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
    },
};
exports["default"] = def;
//# sourceMappingURL=multipleOf.js.map

/***/ }),

/***/ 96023:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(28484);
const util_1 = __nccwpck_require__(84464);
const codegen_1 = __nccwpck_require__(81436);
const error = {
    message: ({ schemaCode }) => (0, codegen_1.str) `must match pattern "${schemaCode}"`,
    params: ({ schemaCode }) => (0, codegen_1._) `{pattern: ${schemaCode}}`,
};
const def = {
    keyword: "pattern",
    type: "string",
    schemaType: "string",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
            const { regExp } = it.opts.code;
            const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._) `new RegExp` : (0, util_1.useFunc)(gen, regExp);
            const valid = gen.let("valid");
            gen.try(() => gen.assign(valid, (0, codegen_1._) `${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
            cxt.fail$data((0, codegen_1._) `!${valid}`);
        }
        else {
            const regExp = (0, code_1.usePattern)(cxt, schema);
            cxt.fail$data((0, codegen_1._) `!${regExp}.test(${data})`);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=pattern.js.map

/***/ }),

/***/ 94504:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const code_1 = __nccwpck_require__(28484);
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const error = {
    message: ({ params: { missingProperty } }) => (0, codegen_1.str) `must have required property '${missingProperty}'`,
    params: ({ params: { missingProperty } }) => (0, codegen_1._) `{missingProperty: ${missingProperty}}`,
};
const def = {
    keyword: "required",
    type: "object",
    schemaType: "array",
    $data: true,
    error,
    code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
            return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
            allErrorsMode();
        else
            exitOnErrorMode();
        if (opts.strictRequired) {
            const props = cxt.parentSchema.properties;
            const { definedProperties } = cxt.it;
            for (const requiredKey of schema) {
                if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === undefined && !definedProperties.has(requiredKey)) {
                    const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
                    const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
                    (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
                }
            }
        }
        function allErrorsMode() {
            if (useLoop || $data) {
                cxt.block$data(codegen_1.nil, loopAllRequired);
            }
            else {
                for (const prop of schema) {
                    (0, code_1.checkReportMissingProp)(cxt, prop);
                }
            }
        }
        function exitOnErrorMode() {
            const missing = gen.let("missing");
            if (useLoop || $data) {
                const valid = gen.let("valid", true);
                cxt.block$data(valid, () => loopUntilMissing(missing, valid));
                cxt.ok(valid);
            }
            else {
                gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
                (0, code_1.reportMissingProp)(cxt, missing);
                gen.else();
            }
        }
        function loopAllRequired() {
            gen.forOf("prop", schemaCode, (prop) => {
                cxt.setParams({ missingProperty: prop });
                gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
            });
        }
        function loopUntilMissing(missing, valid) {
            cxt.setParams({ missingProperty: missing });
            gen.forOf(missing, schemaCode, () => {
                gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
                gen.if((0, codegen_1.not)(valid), () => {
                    cxt.error();
                    gen.break();
                });
            }, codegen_1.nil);
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=required.js.map

/***/ }),

/***/ 65132:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const dataType_1 = __nccwpck_require__(86685);
const codegen_1 = __nccwpck_require__(81436);
const util_1 = __nccwpck_require__(84464);
const equal_1 = __nccwpck_require__(24951);
const error = {
    message: ({ params: { i, j } }) => (0, codegen_1.str) `must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
    params: ({ params: { i, j } }) => (0, codegen_1._) `{i: ${i}, j: ${j}}`,
};
const def = {
    keyword: "uniqueItems",
    type: "array",
    schemaType: "boolean",
    $data: true,
    error,
    code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
            return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._) `${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
            const i = gen.let("i", (0, codegen_1._) `${data}.length`);
            const j = gen.let("j");
            cxt.setParams({ i, j });
            gen.assign(valid, true);
            gen.if((0, codegen_1._) `${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
            return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
            const item = gen.name("item");
            const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
            const indices = gen.const("indices", (0, codegen_1._) `{}`);
            gen.for((0, codegen_1._) `;${i}--;`, () => {
                gen.let(item, (0, codegen_1._) `${data}[${i}]`);
                gen.if(wrongType, (0, codegen_1._) `continue`);
                if (itemTypes.length > 1)
                    gen.if((0, codegen_1._) `typeof ${item} == "string"`, (0, codegen_1._) `${item} += "_"`);
                gen
                    .if((0, codegen_1._) `typeof ${indices}[${item}] == "number"`, () => {
                    gen.assign(j, (0, codegen_1._) `${indices}[${item}]`);
                    cxt.error();
                    gen.assign(valid, false).break();
                })
                    .code((0, codegen_1._) `${indices}[${item}] = ${i}`);
            });
        }
        function loopN2(i, j) {
            const eql = (0, util_1.useFunc)(gen, equal_1.default);
            const outer = gen.name("outer");
            gen.label(outer).for((0, codegen_1._) `;${i}--;`, () => gen.for((0, codegen_1._) `${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._) `${eql}(${data}[${i}], ${data}[${j}])`, () => {
                cxt.error();
                gen.assign(valid, false).break(outer);
            })));
        }
    },
};
exports["default"] = def;
//# sourceMappingURL=uniqueItems.js.map

/***/ }),

/***/ 23430:
/***/ ((module) => {



// do not edit .js files directly - edit src/index.jst



module.exports = function equal(a, b) {
  if (a === b) return true;

  if (a && b && typeof a == 'object' && typeof b == 'object') {
    if (a.constructor !== b.constructor) return false;

    var length, i, keys;
    if (Array.isArray(a)) {
      length = a.length;
      if (length != b.length) return false;
      for (i = length; i-- !== 0;)
        if (!equal(a[i], b[i])) return false;
      return true;
    }



    if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();

    keys = Object.keys(a);
    length = keys.length;
    if (length !== Object.keys(b).length) return false;

    for (i = length; i-- !== 0;)
      if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;

    for (i = length; i-- !== 0;) {
      var key = keys[i];

      if (!equal(a[key], b[key])) return false;
    }

    return true;
  }

  // true if both NaN, false otherwise
  return a!==a && b!==b;
};


/***/ }),

/***/ 81167:
/***/ ((module) => {



var traverse = module.exports = function (schema, opts, cb) {
  // Legacy support for v0.3.1 and earlier.
  if (typeof opts == 'function') {
    cb = opts;
    opts = {};
  }

  cb = opts.cb || cb;
  var pre = (typeof cb == 'function') ? cb : cb.pre || function() {};
  var post = cb.post || function() {};

  _traverse(opts, pre, post, schema, '', schema);
};


traverse.keywords = {
  additionalItems: true,
  items: true,
  contains: true,
  additionalProperties: true,
  propertyNames: true,
  not: true,
  if: true,
  then: true,
  else: true
};

traverse.arrayKeywords = {
  items: true,
  allOf: true,
  anyOf: true,
  oneOf: true
};

traverse.propsKeywords = {
  $defs: true,
  definitions: true,
  properties: true,
  patternProperties: true,
  dependencies: true
};

traverse.skipKeywords = {
  default: true,
  enum: true,
  const: true,
  required: true,
  maximum: true,
  minimum: true,
  exclusiveMaximum: true,
  exclusiveMinimum: true,
  multipleOf: true,
  maxLength: true,
  minLength: true,
  pattern: true,
  format: true,
  maxItems: true,
  minItems: true,
  uniqueItems: true,
  maxProperties: true,
  minProperties: true
};


function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
  if (schema && typeof schema == 'object' && !Array.isArray(schema)) {
    pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
    for (var key in schema) {
      var sch = schema[key];
      if (Array.isArray(sch)) {
        if (key in traverse.arrayKeywords) {
          for (var i=0; i<sch.length; i++)
            _traverse(opts, pre, post, sch[i], jsonPtr + '/' + key + '/' + i, rootSchema, jsonPtr, key, schema, i);
        }
      } else if (key in traverse.propsKeywords) {
        if (sch && typeof sch == 'object') {
          for (var prop in sch)
            _traverse(opts, pre, post, sch[prop], jsonPtr + '/' + key + '/' + escapeJsonPtr(prop), rootSchema, jsonPtr, key, schema, prop);
        }
      } else if (key in traverse.keywords || (opts.allKeys && !(key in traverse.skipKeywords))) {
        _traverse(opts, pre, post, sch, jsonPtr + '/' + key, rootSchema, jsonPtr, key, schema);
      }
    }
    post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
  }
}


function escapeJsonPtr(str) {
  return str.replace(/~/g, '~0').replace(/\//g, '~1');
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 16460:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers/promises");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 24352:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = __nccwpck_require__(15077)
const { SCHEMES, getSchemeHandler } = __nccwpck_require__(75300)

const VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u
const MALFORMED_SCHEME_ERROR = 'URI scheme is malformed.'
const MALFORMED_HOST_ERROR = 'URI host is malformed.'
// ASCII characters outside the RFC 3986 reg-name set (unreserved, sub-delims
// and "%" for pct-encoded): C0 controls, space, DEL, and "#/:<>?@[\]^`{|}.
const FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u

/**
 * RFC 3986 section 3.1 does not allow percent-encoding in a scheme, so the
 * scheme is validated as-is and never decoded. Decoding would let inert input
 * such as `%6Aavascript:` become a live `javascript:` scheme.
 *
 * @param {string} scheme
 * @returns {string}
 */
function validateScheme (scheme) {
  const stringScheme = String(scheme)
  if (!VALID_SCHEME.test(stringScheme)) {
    throw new TypeError(MALFORMED_SCHEME_ERROR)
  }
  return stringScheme
}

/**
 * @template {import('./types/index').URIComponent|string} T
 * @param {T} uri
 * @param {import('./types/index').Options} [options]
 * @returns {T}
 */
function normalize (uri, options) {
  if (typeof uri === 'string') {
    uri = /** @type {T} */ (normalizeString(uri, options))
  } else if (typeof uri === 'object') {
    uri = /** @type {T} */ (parse(serialize(uri, options), options))
  }
  return uri
}

/**
 * @param {string} baseURI
 * @param {string} relativeURI
 * @param {import('./types/index').Options} [options]
 * @returns {string}
 */
function resolve (baseURI, relativeURI, options) {
  const schemelessOptions = options ? Object.assign({ scheme: 'null' }, options) : { scheme: 'null' }
  const {
    parsed: baseParsed,
    malformedAuthorityOrPort: baseMalformed,
    malformedPercentEncoding: baseMalformedPercentEncoding,
    malformedSchemeSpecific: baseMalformedSchemeSpecific,
    malformedHost: baseMalformedHost,
    malformedScheme: baseMalformedScheme
  } = parseWithStatus(baseURI, schemelessOptions)
  const {
    parsed: relativeParsed,
    malformedAuthorityOrPort: relativeMalformed,
    malformedPercentEncoding: relativeMalformedPercentEncoding,
    malformedSchemeSpecific: relativeMalformedSchemeSpecific,
    malformedHost: relativeMalformedHost,
    malformedScheme: relativeMalformedScheme
  } = parseWithStatus(relativeURI, schemelessOptions)
  if (
    baseMalformed ||
    relativeMalformed ||
    baseMalformedPercentEncoding ||
    relativeMalformedPercentEncoding ||
    baseMalformedSchemeSpecific ||
    relativeMalformedSchemeSpecific ||
    baseMalformedHost ||
    relativeMalformedHost ||
    baseMalformedScheme ||
    relativeMalformedScheme
  ) {
    throw new Error(baseParsed.error || relativeParsed.error || 'URI is malformed.')
  }
  const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true)
  const resolvedSchemeHandler = getSchemeHandler((options && options.scheme) || resolved.scheme)
  const resolvedHost = resolved.host
  const resolvedHostIsIP = resolvedHost !== undefined && resolvedHost !== '' &&
    (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6)
  // Inputs are parsed scheme-neutrally, so delimiters and controls in a domain
  // host are only detected here, once the final scheme is known. They always
  // fail closed, including in percent-encoded hosts.
  if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
    throw new Error(MALFORMED_HOST_ERROR)
  }
  canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)
  // Percent escapes in an ASCII reg-name are encoded data. The WHATWG hostname
  // parser can reject them even though fast-uri preserves them safely as RFC
  // 3986 data. A raw non-ASCII host must still fail closed if conversion fails.
  const encodedASCIIHost = resolvedHost && resolvedHost.indexOf('%') !== -1 &&
    !/\P{ASCII}/u.test(resolvedHost)
  if (resolved.error && !encodedASCIIHost) {
    throw new Error(resolved.error)
  }
  schemelessOptions.skipEscape = true
  return serialize(resolved, schemelessOptions)
}

/**
 * @param {import ('./types/index').URIComponent} base
 * @param {import ('./types/index').URIComponent} relative
 * @param {import('./types/index').Options} [options]
 * @param {boolean} [skipNormalization=false]
 * @returns {import ('./types/index').URIComponent}
 */
function resolveComponent (base, relative, options, skipNormalization) {
  /** @type {import('./types/index').URIComponent} */
  const target = {}
  if (!skipNormalization) {
    base = parse(serialize(base, options), options) // normalize base component
    relative = parse(serialize(relative, options), options) // normalize relative component
  }
  options = options || {}

  if (!options.tolerant && relative.scheme) {
    target.scheme = relative.scheme
    // target.authority = relative.authority;
    target.userinfo = relative.userinfo
    target.host = relative.host
    target.port = relative.port
    target.path = removeDotSegments(relative.path || '')
    target.query = relative.query
  } else {
    if (relative.userinfo !== undefined || relative.host !== undefined || relative.port !== undefined) {
      // target.authority = relative.authority;
      target.userinfo = relative.userinfo
      target.host = relative.host
      target.port = relative.port
      target.path = removeDotSegments(relative.path || '')
      target.query = relative.query
    } else {
      if (!relative.path) {
        target.path = base.path
        if (relative.query !== undefined) {
          target.query = relative.query
        } else {
          target.query = base.query
        }
      } else {
        if (relative.path[0] === '/') {
          target.path = removeDotSegments(relative.path)
        } else {
          const baseHasAuthority = base.userinfo !== undefined || base.host !== undefined || base.port !== undefined
          if (baseHasAuthority && !base.path) {
            target.path = '/' + relative.path
          } else if (!base.path) {
            target.path = relative.path
          } else {
            target.path = base.path.slice(0, base.path.lastIndexOf('/') + 1) + relative.path
          }
          target.path = base.scheme === undefined && !baseHasAuthority && target.path[0] !== '/'
            ? removeDotSegmentsRelative(target.path)
            : removeDotSegments(target.path)
        }
        target.query = relative.query
      }
      // target.authority = base.authority;
      target.userinfo = base.userinfo
      target.host = base.host
      target.port = base.port
    }
    target.scheme = base.scheme
  }

  target.fragment = relative.fragment

  return target
}

/**
 * @param {import ('./types/index').URIComponent|string} uriA
 * @param {import ('./types/index').URIComponent|string} uriB
 * @param {import ('./types/index').Options} options
 * @returns {boolean}
 */
function equal (uriA, uriB, options) {
  const normalizedA = normalizeComparableURI(uriA, options)
  const normalizedB = normalizeComparableURI(uriB, options)

  return normalizedA !== undefined && normalizedB !== undefined && normalizedA === normalizedB
}

/**
 * @param {Readonly<import('./types/index').URIComponent>} cmpts
 * @param {import('./types/index').Options} [opts]
 * @returns {string}
 */
function serialize (cmpts, opts) {
  const component = {
    host: cmpts.host,
    scheme: cmpts.scheme,
    userinfo: cmpts.userinfo,
    port: cmpts.port,
    path: cmpts.path,
    query: cmpts.query,
    nid: cmpts.nid,
    nss: cmpts.nss,
    uuid: cmpts.uuid,
    fragment: cmpts.fragment,
    reference: cmpts.reference,
    resourceName: cmpts.resourceName,
    secure: cmpts.secure,
    error: ''
  }
  const options = Object.assign({}, opts)
  const uriTokens = []

  if (component.scheme) {
    component.scheme = validateScheme(component.scheme)
  }

  // find scheme handler
  const schemeHandler = getSchemeHandler(options.scheme || component.scheme)

  // perform scheme specific serialization
  if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options)

  const hasAuthority = component.userinfo !== undefined || component.host !== undefined || component.port !== undefined
  // A reference with no emitted scheme is path-noscheme: a bare ':' in its
  // first path segment would reparse as a scheme (RFC 3986 3.3/4.2). Enforced
  // under skipEscape too (resolve()), so the reapply below gates on this flag.
  const schemelessReference = (component.scheme === undefined || options.reference === 'suffix') && !hasAuthority
  const pathNoScheme = !options.skipEscape && schemelessReference

  if (component.path !== undefined) {
    if (!options.skipEscape) {
      component.path = serializePathEncoding(component.path, pathNoScheme)
    } else {
      component.path = normalizePercentEncoding(component.path)
    }
  }

  if (options.reference !== 'suffix' && component.scheme) {
    // Scheme handlers may replace the scheme during serialization.
    component.scheme = validateScheme(component.scheme)
    uriTokens.push(component.scheme, ':')
  }

  const authority = recomposeAuthority(component)
  if (authority !== undefined) {
    if (options.reference !== 'suffix') {
      uriTokens.push('//')
    }

    uriTokens.push(authority)

    if (component.path && component.path[0] !== '/') {
      uriTokens.push('/')
    }
  }
  if (component.path !== undefined) {
    let s = component.path

    if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
      // A relative-path reference keeps its unresolvable leading ".." segments
      // and must never become root-relative (RFC 3986 section 5.2.4 applies to
      // merged target paths, not to the reference itself).
      s = schemelessReference && s[0] !== '/'
        ? removeDotSegmentsRelative(s)
        : removeDotSegments(s)
    }

    // Dot-segment removal can expose a colon that was not originally in the
    // first segment (for example, "./a:b"). Reapply path-noscheme encoding so
    // the serialized relative reference cannot be reparsed as a URI scheme.
    if (schemelessReference) {
      s = serializePathEncoding(s, true)
    }

    if (
      authority === undefined &&
      s[0] === '/' &&
      s[1] === '/'
    ) {
      // don't allow the path to start with "//"
      s = '/%2F' + s.slice(2)
    }

    uriTokens.push(s)
  }

  if (component.query !== undefined) {
    uriTokens.push('?', encodeQuery(component.query))
  }

  if (component.fragment !== undefined) {
    uriTokens.push('#', encodeFragment(component.fragment))
  }
  return uriTokens.join('')
}

const URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u

// Captures the authority component (between "//" and the next "/", "?" or "#"),
// with or without a scheme prefix, for the literal-backslash rejection below.
const AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/

// Captures the leading authority-introducer region after an optional scheme: a
// run of forward slashes, backslashes, and the characters the WHATWG URL parser
// removes before parsing (TAB U+0009, LF U+000A, CR U+000D). A valid introducer
// is exactly "//". Node treats "\" as "/" on special schemes and strips those
// characters first, so forms like "\\", "/\", "\/", "/<TAB>/", or a leading
// "<TAB>//" reach an authority in Node while fast-uri's URI_PARSE folds them into
// the path group (host confusion / SSRF / redirect bypass).
const AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/

/**
 * @param {import('./types/index').URIComponent} parsed
 * @param {RegExpMatchArray} matches
 * @returns {string|undefined}
 */
function getParseError (parsed, matches) {
  if (matches[2] !== undefined && parsed.path && parsed.path[0] !== '/') {
    return 'URI path must start with "/" when authority is present.'
  }

  if (typeof parsed.port === 'number' && (parsed.port < 0 || parsed.port > 65535)) {
    return 'URI port is malformed.'
  }

  return undefined
}

/**
 * Checks percent syntax without decoding the represented octets. RFC 3986
 * percent-encoding is byte-oriented, so sequences such as `%FF` are valid even
 * though they are not independently valid UTF-8.
 *
 * @param {string|undefined} component
 * @returns {boolean}
 */
function hasMalformedPercentEncoding (component) {
  if (component === undefined) return false

  let percent = component.indexOf('%')
  while (percent !== -1) {
    if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
      return true
    }
    percent = component.indexOf('%', percent + 3)
  }

  return false
}

/**
 * Whether the host is a bracketed IP literal (RFC 3986 `IP-literal`).
 * An unterminated `[` is not a literal, so it must still be validated as a
 * reg-name instead of being waved through as an IP.
 *
 * @param {string} host
 * @returns {boolean}
 */
function isIPLiteral (host) {
  return host[0] === '[' && host[host.length - 1] === ']'
}

/**
 * @param {RegExpMatchArray} matches
 * @returns {boolean}
 */
function hasMalformedComponentPercentEncoding (matches) {
  // Bracketed IP literals use a raw "%" as the zone separator for historical
  // compatibility. Their parsing is intentionally left to normalizeIPv6.
  const host = matches[4]
  return hasMalformedPercentEncoding(matches[3]) ||
    (host !== undefined && !isIPLiteral(host) && hasMalformedPercentEncoding(host)) ||
    hasMalformedPercentEncoding(matches[6]) ||
    hasMalformedPercentEncoding(matches[7]) ||
    hasMalformedPercentEncoding(matches[8])
}

/**
 * @param {import('./types/index').URIComponent} parsed
 * @param {import('./types/index').Options} options
 * @param {{ domainHost?: boolean, unicodeSupport?: boolean }|undefined} schemeHandler
 * @param {boolean} isIP
 * @returns {boolean} whether host conversion failed
 */
function canonicalizeHost (parsed, options, schemeHandler, isIP) {
  if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
    parsed.error = parsed.error || MALFORMED_HOST_ERROR
    return true
  }

  if (
    !options.unicodeSupport &&
    (!schemeHandler || !schemeHandler.unicodeSupport) &&
    parsed.host &&
    !isIPLiteral(parsed.host) &&
    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
    isIP === false &&
    nonSimpleDomain(parsed.host)
  ) {
    let url
    try {
      url = new URL('http://' + parsed.host)
    } catch (e) {
      parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e
      return true
    }
    // The WHATWG parser must have read the whole input as a host. Anything
    // else means it found a delimiter fast-uri did not, so its hostname would
    // describe a different authority.
    if (!isHostOnlyURL(url)) {
      parsed.error = parsed.error || MALFORMED_HOST_ERROR
      return true
    }
    parsed.host = url.hostname
  }
  return false
}

/**
 * Whether a domain host contains an ASCII character that RFC 3986 does not
 * allow in a reg-name (unreserved, sub-delims, or pct-encoded). Such a host is
 * rejected instead of being handed to the WHATWG URL parser, which would treat
 * "@" as a userinfo delimiter (silently dropping the data before it) and strip
 * TAB, LF, and CR. Non-ASCII characters remain allowed for IDNs.
 *
 * @param {import('./types/index').URIComponent} parsed
 * @param {import('./types/index').Options} options
 * @param {{ domainHost?: boolean }|undefined} schemeHandler
 * @param {boolean} isIP
 * @returns {boolean}
 */
function hasForbiddenDomainHost (parsed, options, schemeHandler, isIP) {
  return Boolean(
    parsed.host &&
    isIP === false &&
    !isIPLiteral(parsed.host) &&
    (options.domainHost || (schemeHandler && schemeHandler.domainHost)) &&
    FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
  )
}

/**
 * @param {URL} url
 * @returns {boolean}
 */
function isHostOnlyURL (url) {
  return url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    url.hostname !== ''
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {{ parsed: import('./types/index').URIComponent, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
 */
function parseWithStatus (uri, opts) {
  const options = Object.assign({}, opts)
  /** @type {import('./types/index').URIComponent} */
  const parsed = {
    scheme: undefined,
    userinfo: undefined,
    host: '',
    port: undefined,
    path: '',
    query: undefined,
    fragment: undefined
  }

  let malformedAuthorityOrPort = false
  let malformedPercentEncoding = false
  let malformedSchemeSpecific = false
  let malformedHost = false
  let malformedIPLiteral = false
  let malformedScheme = false

  let isIP = false
  if (options.reference === 'suffix') {
    if (options.scheme) {
      uri = options.scheme + ':' + uri
    } else {
      uri = '//' + uri
    }
  }

  // A literal backslash (U+005C) is not a valid RFC 3986 URI character and is
  // not an authority delimiter. Reject it in the authority rather than
  // rewriting it: normalizing "\" -> "/" (WHATWG error recovery) could silently
  // change the resource identified by an otherwise-invalid input, and lets "\"
  // act as a host delimiter here while Node's native URL parses a different
  // host (SSRF / redirect / origin-allowlist bypass). Percent-encoded %5C is
  // untouched and remains valid encoded data.
  const authorityMatch = uri.match(AUTHORITY_PREFIX)
  if (authorityMatch !== null && authorityMatch[1].indexOf('\\') !== -1) {
    parsed.error = 'URI authority must not contain a literal backslash.'
    malformedAuthorityOrPort = true
  }

  // Reject a malformed or whitespace-smuggled authority introducer. fast-uri
  // only recognizes a literal "//"; anything else in the leading separator run
  // (a backslash, or a "//" that appears only after removing the TAB/LF/CR that
  // Node strips) means the authority fast-uri parses differs from the one Node's
  // URL resolves. Reject rather than rewrite, mirroring the literal-backslash
  // guard above. Percent-encoded forms (%5C, %09) are untouched, valid data.
  const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION)
  if (introducerMatch !== null) {
    const region = introducerMatch[1]
    const normalizedRegion = region.replace(/[\t\n\r]/g, '')
    // Two or more leading separators introduce an authority.
    if (normalizedRegion.length >= 2) {
      if (normalizedRegion.slice(0, 2) !== '//') {
        parsed.error = parsed.error || 'URI authority must not contain a literal backslash.'
        malformedAuthorityOrPort = true
      } else if (region.length !== normalizedRegion.length) {
        parsed.error = parsed.error || 'URI authority introducer must not contain whitespace.'
        malformedAuthorityOrPort = true
      }
    }
  }

  const matches = uri.match(URI_PARSE)

  if (matches) {
    // store each component
    parsed.scheme = matches[1]
    parsed.userinfo = matches[3]
    parsed.host = matches[4]
    parsed.port = parseInt(matches[5], 10)
    parsed.path = matches[6] || ''
    parsed.query = matches[7]
    parsed.fragment = matches[8]

    if (parsed.scheme !== undefined) {
      if (VALID_SCHEME.test(parsed.scheme)) {
        parsed.scheme = parsed.scheme.toLowerCase()
      } else {
        parsed.error = parsed.error || MALFORMED_SCHEME_ERROR
        malformedScheme = true
      }
    }

    malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches)
    if (malformedPercentEncoding) {
      parsed.error = parsed.error || 'URI contains malformed percent-encoding.'
    }

    // fix port number
    if (isNaN(parsed.port)) {
      parsed.port = matches[5]
    }

    const parseError = getParseError(parsed, matches)
    if (parseError !== undefined) {
      parsed.error = parsed.error || parseError
      malformedAuthorityOrPort = true
    }

    if (parsed.host) {
      const ipv4result = isIPv4(parsed.host)
      if (ipv4result === false) {
        const bracketedIPLiteral = isIPLiteral(parsed.host)
        const hasIPLiteralBracket = parsed.host.indexOf('[') !== -1 || parsed.host.indexOf(']') !== -1
        const ipv6result = normalizeIPv6(parsed.host)
        isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true
        malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true)
        parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase()

        if (malformedIPLiteral) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR
          malformedAuthorityOrPort = true
        }
      } else {
        isIP = true
      }
    }
    if (parsed.scheme === undefined && parsed.userinfo === undefined && parsed.host === undefined && parsed.port === undefined && parsed.query === undefined && !parsed.path) {
      parsed.reference = 'same-document'
    } else if (parsed.scheme === undefined) {
      parsed.reference = 'relative'
    } else if (parsed.fragment === undefined) {
      parsed.reference = 'absolute'
    } else {
      parsed.reference = 'uri'
    }

    // check for reference errors
    if (options.reference && options.reference !== 'suffix' && options.reference !== parsed.reference) {
      parsed.error = parsed.error || 'URI is not a ' + options.reference + ' reference.'
    }

    // find scheme handler
    const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme)

    // convert Unicode IDN -> ASCII IDN when the effective scheme uses domain hosts
    if (!malformedIPLiteral) {
      malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP)
    }

    if (uri.indexOf('%') !== -1 && parsed.host !== undefined && !malformedIPLiteral) {
      let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true)
      if (!isIP) {
        // Fold reg-name case after decoding unreserved octets. The second
        // pass only restores uppercase hex in escapes that remain encoded.
        host = normalizePercentEncoding(host.toLowerCase())
      }
      // Resolution parses both inputs with the internal `null` scheme before
      // the effective scheme is known. Keep raw host delimiters for that step
      // so resolve() can reject them for domain-host schemes; the resolved
      // authority is encoded when it is serialized.
      parsed.host = isIP || options.scheme !== 'null' ? reescapeHostDelimiters(host, isIP) : host
    }

    if (!schemeHandler || (schemeHandler && !schemeHandler.skipNormalize)) {
      if (parsed.path) {
        parsed.path = normalizePathEncoding(parsed.path)
      }
      if (parsed.query) {
        parsed.query = normalizeQueryFragmentEncoding(parsed.query)
      }
      if (parsed.fragment) {
        parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment)
      }
    }

    // perform scheme specific parsing
    if (schemeHandler && schemeHandler.parse) {
      schemeHandler.parse(parsed, options)
      if (schemeHandler === SCHEMES.urn && parsed.nid === undefined) {
        malformedSchemeSpecific = true
      }
    }
  } else {
    parsed.error = parsed.error || 'URI can not be parsed.'
  }
  return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme }
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns
 */
function parse (uri, opts) {
  return parseWithStatus(uri, opts).parsed
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {string}
 */
function normalizeString (uri, opts) {
  return normalizeStringWithStatus(uri, opts).normalized
}

/**
 * @param {string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {{ normalized: string, malformedAuthorityOrPort: boolean, malformedPercentEncoding: boolean, malformedSchemeSpecific: boolean, malformedHost: boolean, malformedScheme: boolean }}
 */
function normalizeStringWithStatus (uri, opts) {
  const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts)
  return {
    normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
    malformedAuthorityOrPort,
    malformedPercentEncoding,
    malformedSchemeSpecific,
    malformedHost,
    malformedScheme
  }
}

/**
 * @param {import ('./types/index').URIComponent|string} uri
 * @param {import('./types/index').Options} [opts]
 * @returns {string|undefined}
 */
function normalizeComparableURI (uri, opts) {
  if (typeof uri !== 'string' && typeof uri !== 'object') {
    return undefined
  }

  let value
  try {
    value = typeof uri === 'string' ? uri : serialize(uri, opts)
  } catch {
    return undefined
  }
  const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts)
  return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? undefined : normalized
}

const fastUri = {
  SCHEMES,
  normalize,
  resolve,
  resolveComponent,
  equal,
  serialize,
  parse
}

module.exports = fastUri
module.exports["default"] = fastUri
module.exports.fastUri = fastUri


/***/ }),

/***/ 75300:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const { isUUID } = __nccwpck_require__(15077)
const URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu

const supportedSchemeNames = /** @type {const} */ (['http', 'https', 'ws',
  'wss', 'urn', 'urn:uuid'])

/** @typedef {supportedSchemeNames[number]} SchemeName */

/**
 * @param {string} name
 * @returns {name is SchemeName}
 */
function isValidSchemeName (name) {
  return supportedSchemeNames.indexOf(/** @type {*} */ (name)) !== -1
}

/**
 * @callback SchemeFn
 * @param {import('../types/index').URIComponent} component
 * @param {import('../types/index').Options} options
 * @returns {import('../types/index').URIComponent}
 */

/**
 * @typedef {Object} SchemeHandler
 * @property {SchemeName} scheme - The scheme name.
 * @property {boolean} [domainHost] - Indicates if the scheme supports domain hosts.
 * @property {SchemeFn} parse - Function to parse the URI component for this scheme.
 * @property {SchemeFn} serialize - Function to serialize the URI component for this scheme.
 * @property {boolean} [skipNormalize] - Indicates if normalization should be skipped for this scheme.
 * @property {boolean} [absolutePath] - Indicates if the scheme uses absolute paths.
 * @property {boolean} [unicodeSupport] - Indicates if the scheme supports Unicode.
 */

/**
 * @param {import('../types/index').URIComponent} wsComponent
 * @returns {boolean}
 */
function wsIsSecure (wsComponent) {
  if (wsComponent.secure === true) {
    return true
  } else if (wsComponent.secure === false) {
    return false
  } else if (wsComponent.scheme) {
    return (
      wsComponent.scheme.length === 3 &&
      (wsComponent.scheme[0] === 'w' || wsComponent.scheme[0] === 'W') &&
      (wsComponent.scheme[1] === 's' || wsComponent.scheme[1] === 'S') &&
      (wsComponent.scheme[2] === 's' || wsComponent.scheme[2] === 'S')
    )
  } else {
    return false
  }
}

/** @type {SchemeFn} */
function httpParse (component) {
  if (!component.host) {
    component.error = component.error || 'HTTP URIs must have a host.'
  }

  return component
}

/** @type {SchemeFn} */
function httpSerialize (component) {
  const secure = String(component.scheme).toLowerCase() === 'https'

  // normalize the default port
  if (component.port === (secure ? 443 : 80) || component.port === '') {
    component.port = undefined
  }

  // normalize the empty path
  if (!component.path) {
    component.path = '/'
  }

  // NOTE: We do not parse query strings for HTTP URIs
  // as WWW Form Url Encoded query strings are part of the HTML4+ spec,
  // and not the HTTP spec.

  return component
}

/** @type {SchemeFn} */
function wsParse (wsComponent) {
// indicate if the secure flag is set
  wsComponent.secure = wsIsSecure(wsComponent)

  // construct resouce name
  wsComponent.resourceName = (wsComponent.path || '/') + (wsComponent.query ? '?' + wsComponent.query : '')
  wsComponent.path = undefined
  wsComponent.query = undefined

  return wsComponent
}

/** @type {SchemeFn} */
function wsSerialize (wsComponent) {
// normalize the default port
  if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === '') {
    wsComponent.port = undefined
  }

  // ensure scheme matches secure flag
  if (typeof wsComponent.secure === 'boolean') {
    wsComponent.scheme = (wsComponent.secure ? 'wss' : 'ws')
    wsComponent.secure = undefined
  }

  // reconstruct path from resource name
  if (wsComponent.resourceName) {
    const queryIndex = wsComponent.resourceName.indexOf('?')
    const path = queryIndex === -1
      ? wsComponent.resourceName
      : wsComponent.resourceName.slice(0, queryIndex)
    wsComponent.path = (path && path !== '/' ? path : undefined)
    wsComponent.query = queryIndex === -1
      ? undefined
      : wsComponent.resourceName.slice(queryIndex + 1)
    wsComponent.resourceName = undefined
  }

  // forbid fragment component
  wsComponent.fragment = undefined

  return wsComponent
}

/** @type {SchemeFn} */
function urnParse (urnComponent, options) {
  if (!urnComponent.path) {
    urnComponent.error = 'URN can not be parsed'
    return urnComponent
  }
  const matches = urnComponent.path.match(URN_REG)
  if (matches && matches[0] === urnComponent.path) {
    const scheme = options.scheme || urnComponent.scheme || 'urn'
    urnComponent.nid = matches[1].toLowerCase()
    urnComponent.nss = matches[2]
    const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`
    const schemeHandler = getSchemeHandler(urnScheme)
    urnComponent.path = undefined

    if (schemeHandler) {
      urnComponent = schemeHandler.parse(urnComponent, options)
    }
  } else {
    urnComponent.error = urnComponent.error || 'URN can not be parsed.'
  }

  return urnComponent
}

/** @type {SchemeFn} */
function urnSerialize (urnComponent, options) {
  if (urnComponent.nid === undefined) {
    throw new Error('URN without nid cannot be serialized')
  }
  const scheme = options.scheme || urnComponent.scheme || 'urn'
  const nid = urnComponent.nid.toLowerCase()
  const urnScheme = `${scheme}:${options.nid || nid}`
  const schemeHandler = getSchemeHandler(urnScheme)

  if (schemeHandler) {
    urnComponent = schemeHandler.serialize(urnComponent, options)
  }

  const uriComponent = urnComponent
  const nss = urnComponent.nss
  uriComponent.path = `${nid || options.nid}:${nss}`

  options.skipEscape = true
  return uriComponent
}

/** @type {SchemeFn} */
function urnuuidParse (urnComponent, options) {
  const uuidComponent = urnComponent
  uuidComponent.uuid = uuidComponent.nss
  uuidComponent.nss = undefined

  if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
    uuidComponent.error = uuidComponent.error || 'UUID is not valid.'
  }

  return uuidComponent
}

/** @type {SchemeFn} */
function urnuuidSerialize (uuidComponent) {
  const urnComponent = uuidComponent
  // normalize UUID
  urnComponent.nss = (uuidComponent.uuid || '').toLowerCase()
  return urnComponent
}

const http = /** @type {SchemeHandler} */ ({
  scheme: 'http',
  domainHost: true,
  parse: httpParse,
  serialize: httpSerialize
})

const https = /** @type {SchemeHandler} */ ({
  scheme: 'https',
  domainHost: http.domainHost,
  parse: httpParse,
  serialize: httpSerialize
})

const ws = /** @type {SchemeHandler} */ ({
  scheme: 'ws',
  domainHost: true,
  parse: wsParse,
  serialize: wsSerialize
})

const wss = /** @type {SchemeHandler} */ ({
  scheme: 'wss',
  domainHost: ws.domainHost,
  parse: ws.parse,
  serialize: ws.serialize
})

const urn = /** @type {SchemeHandler} */ ({
  scheme: 'urn',
  parse: urnParse,
  serialize: urnSerialize,
  skipNormalize: true
})

const urnuuid = /** @type {SchemeHandler} */ ({
  scheme: 'urn:uuid',
  parse: urnuuidParse,
  serialize: urnuuidSerialize,
  skipNormalize: true
})

const SCHEMES = /** @type {Record<SchemeName, SchemeHandler>} */ ({
  http,
  https,
  ws,
  wss,
  urn,
  'urn:uuid': urnuuid
})

Object.setPrototypeOf(SCHEMES, null)

/**
 * @param {string|undefined} scheme
 * @returns {SchemeHandler|undefined}
 */
function getSchemeHandler (scheme) {
  return (
    scheme && (
      SCHEMES[/** @type {SchemeName} */ (scheme)] ||
      SCHEMES[/** @type {SchemeName} */(scheme.toLowerCase())])
  ) ||
    undefined
}

module.exports = {
  wsIsSecure,
  SCHEMES,
  isValidSchemeName,
  getSchemeHandler,
}


/***/ }),

/***/ 15077:
/***/ ((module) => {



/** @type {(value: string) => boolean} */
const isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu)

/** @type {(value: string) => boolean} */
const isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u)

/** @type {(value: string) => boolean} */
const isPort = RegExp.prototype.test.bind(/^\d*$/u)

/** @type {(value: string) => boolean} */
const isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu)

/** @type {(value: string) => boolean} */
const isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu)

/** @type {(value: string) => boolean} */
const isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u)

/** @type {(value: string) => boolean} */
const isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u)

/** @type {(value: string) => boolean} */
const isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u)

const BYTE_HEX = new Array(256)
{
  const HEX_DIGITS = '0123456789ABCDEF'
  for (let i = 0; i < 256; i++) {
    BYTE_HEX[i] = '%' + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 0xF]
  }
}
function percentEncodeNonAscii (cp) {
  if (cp < 0x800) {
    return BYTE_HEX[0xC0 | (cp >> 6)] +
           BYTE_HEX[0x80 | (cp & 0x3F)]
  }
  if (cp < 0x10000) {
    return BYTE_HEX[0xE0 | (cp >> 12)] +
           BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
           BYTE_HEX[0x80 | (cp & 0x3F)]
  }
  return BYTE_HEX[0xF0 | (cp >> 18)] +
         BYTE_HEX[0x80 | ((cp >> 12) & 0x3F)] +
         BYTE_HEX[0x80 | ((cp >> 6) & 0x3F)] +
         BYTE_HEX[0x80 | (cp & 0x3F)]
}

/**
 * @param {Array<string>} input
 * @returns {string}
 */
function stringArrayToHexStripped (input) {
  let acc = ''
  let code = 0
  let i = 0

  for (i = 0; i < input.length; i++) {
    code = input[i].charCodeAt(0)
    if (code === 48) {
      continue
    }
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
      return ''
    }
    acc += input[i]
    break
  }

  for (i += 1; i < input.length; i++) {
    code = input[i].charCodeAt(0)
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102))) {
      return ''
    }
    acc += input[i]
  }
  return acc
}

/** @type {(value: string) => boolean} */
const isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/)

/** @type {(value: string) => boolean} */
const isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/)

/** @type {(value: string) => boolean} */
const isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/)

/**
 * @param {string} value
 * @returns {boolean}
 */
const nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u)

/**
 * @param {string} zone
 * @returns {boolean}
 */
function isZoneIdentifier (zone) {
  if (zone.length === 0) return false

  for (let i = 0; i < zone.length; i++) {
    if (isZoneCharacter(zone[i])) continue
    if (zone[i] === '%' && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
      i += 2
      continue
    }
    return false
  }

  return true
}

/**
 * Compresses the longest run of zero hextets to "::" per RFC 5952. A run of a
 * single zero hextet is left uncompressed. On ties the leftmost run wins.
 *
 * @param {string[]} hextets
 * @returns {string}
 */
function compressIPv6ZeroRun (hextets) {
  let bestStart = -1
  let bestLength = 0
  let runStart = -1
  let runLength = 0
  for (let i = 0; i < hextets.length; i++) {
    if (hextets[i] === '0') {
      if (runStart === -1) runStart = i
      runLength++
      if (runLength > bestLength) {
        bestLength = runLength
        bestStart = runStart
      }
    } else {
      runStart = -1
      runLength = 0
    }
  }

  if (bestLength < 2) return hextets.join(':')

  const head = hextets.slice(0, bestStart).join(':')
  const tail = hextets.slice(bestStart + bestLength).join(':')
  return head + '::' + tail
}

/**
 * Validates an IPv6 address against the alternatives in RFC 3986 section
 * 3.2.2 and returns the same address with leading hextet zeroes removed.
 * An embedded IPv4 address counts as two hextets and is only valid at the end.
 *
 * @param {string} input
 * @returns {string|undefined}
 */
function normalizeIPv6Address (input) {
  const compression = input.indexOf('::')
  if (compression !== -1 && input.indexOf('::', compression + 1) !== -1) return undefined

  const left = compression === -1 ? input.split(':') : input.slice(0, compression).split(':')
  const right = compression === -1 ? [] : input.slice(compression + 2).split(':')
  if (compression !== -1) {
    if (left.length === 1 && left[0] === '') left.length = 0
    if (right.length === 1 && right[0] === '') right.length = 0
  }

  const parts = left.concat(right)
  let hextetCount = 0
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (part === '') return undefined

    if (part.indexOf('.') !== -1) {
      if (i !== parts.length - 1 || (compression !== -1 && right.length === 0) || !isIPv4(part)) return undefined
      hextetCount += 2
      continue
    }

    if (!isHextet(part)) return undefined
    parts[i] = parseInt(part, 16).toString(16)
    hextetCount++
  }

  if (compression === -1) {
    if (hextetCount !== 8) return undefined
    return compressIPv6ZeroRun(parts)
  }
  if (hextetCount >= 8) return undefined

  // expand "::" then re-compress the longest run for a canonical result
  const expanded = parts.slice(0, left.length)
  for (let i = hextetCount; i < 8; i++) expanded.push('0')
  for (let i = left.length; i < parts.length; i++) expanded.push(parts[i])
  return compressIPv6ZeroRun(expanded)
}

/**
 * @typedef {Object} NormalizeIPv6Result
 * @property {string} host - The normalized host.
 * @property {string} [escapedHost] - The escaped host.
 * @property {boolean} isIPV6 - Indicates if the host is an IPv6 address.
 * @property {boolean} [isIPVFuture] - Indicates if the host is an IPvFuture literal.
 * @property {boolean} [error] - Indicates if a bracketed IP literal is malformed.
 */

/**
 * Validates and normalizes a bracketed IP literal. Raw zone separators remain
 * accepted for backwards compatibility, while encoded separators and zone
 * contents follow RFC 6874.
 *
 * @param {string} host
 * @returns {NormalizeIPv6Result}
 */
function normalizeIPv6 (host) {
  const bracketed = host[0] === '[' && host[host.length - 1] === ']'
  const hasBracket = host[0] === '[' || host[host.length - 1] === ']'
  if (hasBracket && !bracketed) return { host, isIPV6: false, error: true }

  let input = bracketed ? host.slice(1, -1) : host
  if (bracketed && isIPvFuture(input)) {
    input = input.toLowerCase()
    return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true }
  }

  if (findToken(input, ':') < 2) {
    return { host, isIPV6: false, error: bracketed }
  }

  let zoneIdentifier = ''
  const zoneSeparator = input.indexOf('%')
  if (zoneSeparator !== -1) {
    const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === '%25' ? 3 : 1
    zoneIdentifier = input.slice(zoneSeparator + separatorLength)
    if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true }
    input = input.slice(0, zoneSeparator)
  }

  const address = normalizeIPv6Address(input)
  if (address === undefined) return { host, isIPV6: false, error: true }

  return {
    host: address + (zoneIdentifier ? '%' + zoneIdentifier : ''),
    escapedHost: address + (zoneIdentifier ? '%25' + zoneIdentifier : ''),
    isIPV6: true
  }
}

/**
 * @param {string} str
 * @param {string} token
 * @returns {number}
 */
function findToken (str, token) {
  let ind = 0
  for (let i = 0; i < str.length; i++) {
    if (str[i] === token) ind++
  }
  return ind
}

/**
 * @param {string} path
 * @returns {string}
 *
 * @see https://datatracker.ietf.org/doc/html/rfc3986#section-5.2.4
 */
function removeDotSegments (path) {
  let input = path
  const output = []
  let nextSlash = -1
  let len = 0

  // eslint-disable-next-line no-cond-assign
  while (len = input.length) {
    if (len === 1) {
      if (input === '.') {
        break
      } else if (input === '/') {
        output.push('/')
        break
      } else {
        output.push(input)
        break
      }
    } else if (len === 2) {
      if (input[0] === '.') {
        if (input[1] === '.') {
          break
        } else if (input[1] === '/') {
          input = input.slice(2)
          continue
        }
      } else if (input[0] === '/') {
        if (input[1] === '.' || input[1] === '/') {
          output.push('/')
          break
        }
      }
    } else if (len === 3) {
      if (input === '/..') {
        if (output.length !== 0) {
          output.pop()
        }
        output.push('/')
        break
      }
    }
    if (input[0] === '.') {
      if (input[1] === '.') {
        if (input[2] === '/') {
          input = input.slice(3)
          continue
        }
      } else if (input[1] === '/') {
        input = input.slice(2)
        continue
      }
    } else if (input[0] === '/') {
      if (input[1] === '.') {
        if (input[2] === '/') {
          input = input.slice(2)
          continue
        } else if (input[2] === '.') {
          if (input[3] === '/') {
            input = input.slice(3)
            if (output.length !== 0) {
              output.pop()
            }
            continue
          }
        }
      }
    }

    // Rule 2E: Move normal path segment to output
    if ((nextSlash = input.indexOf('/', 1)) === -1) {
      output.push(input)
      break
    } else {
      output.push(input.slice(0, nextSlash))
      input = input.slice(nextSlash)
    }
  }

  return output.join('')
}

/**
 * Removes dot segments from the path of a relative reference (a path that does
 * not start with "/") without changing what it resolves to against any base.
 * Unlike `removeDotSegments`, leading ".." segments that cannot be collapsed
 * are kept, the result never becomes root-relative, and a result that would be
 * empty or start with an empty segment is prefixed with "." (an empty path
 * means "same document" and a leading "//" would introduce an authority).
 *
 * @param {string} path
 * @returns {string}
 */
function removeDotSegmentsRelative (path) {
  if (path === '' || path[0] === '/') {
    return removeDotSegments(path)
  }

  const segments = path.split('/')
  const last = segments.length - 1
  /** @type {string[]} */
  const output = []
  let trailingDirectory = false

  for (let i = 0; i <= last; i++) {
    const segment = segments[i]
    if (segment === '.' || segment === '..') {
      if (segment === '..') {
        if (output.length !== 0 && output[output.length - 1] !== '..') {
          output.pop()
        } else {
          output.push('..')
        }
      }
      trailingDirectory = i === last
    } else {
      output.push(segment)
    }
  }

  if (trailingDirectory && output[output.length - 1] !== '..') {
    output.push('')
  }
  if (output.length === 0 || output[0] === '' || output[0].includes(':')) {
    // An empty path, a leading empty segment ("//"), or a first segment
    // containing ":" (which would be mistaken for a scheme, RFC 3986 section
    // 4.2) must stay behind a "." segment so the reference keeps its meaning.
    output.unshift('.')
  }

  return output.join('/')
}

/**
 * Re-escape RFC 3986 gen-delims that must not appear literally in the host.
 * After the URI regex parses, these characters cannot be literal in the host
 * field, so any that appear after decoding came from percent-encoding and
 * must be restored to prevent authority structure changes.
 *
 * @param {string} host
 * @param {boolean} isIP - true for IPv4/IPv6 hosts (skip colon re-escaping)
 * @returns {string}
 */
const HOST_DELIMS = { '@': '%40', '/': '%2F', '?': '%3F', '#': '%23', ':': '%3A' }
const HOST_DELIM_RE = /[@/?#:]/g
const HOST_DELIM_NO_COLON_RE = /[@/?#]/g

function reescapeHostDelimiters (host, isIP) {
  const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE
  re.lastIndex = 0
  return host.replace(re, (ch) => HOST_DELIMS[ch])
}

/**
 * Normalizes percent escapes and optionally decodes only unreserved ASCII bytes.
 * Reserved delimiters such as `%2F` stay escaped; `%2E` is unreserved.
 *
 * @param {string} input
 * @param {boolean} [decodeUnreserved=false]
 * @returns {string}
 */
function normalizePercentEncoding (input, decodeUnreserved = false) {
  if (input.indexOf('%') === -1) {
    return input
  }

  let output = ''

  for (let i = 0; i < input.length; i++) {
    if (input[i] === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        const normalizedHex = hex.toUpperCase()
        const decoded = String.fromCharCode(parseInt(normalizedHex, 16))

        if (decodeUnreserved && isUnreserved(decoded)) {
          output += decoded
        } else {
          output += '%' + normalizedHex
        }

        i += 2
        continue
      }
    }

    output += input[i]
  }

  return output
}

/**
 * Normalizes path data without turning reserved escapes into live path syntax.
 * Valid escapes are uppercased, raw unsafe characters are escaped, and only
 * unreserved bytes that are not `.` are decoded.
 *
 * @param {string} input
 * @returns {string}
 */
function normalizePathEncoding (input) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        const normalizedHex = hex.toUpperCase()
        const decoded = String.fromCharCode(parseInt(normalizedHex, 16))

        if (decoded !== '.' && isUnreserved(decoded)) {
          output += decoded
        } else {
          output += '%' + normalizedHex
        }

        i += 2
        continue
      }
    }

    if (isPathCharacter(ch)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += isEscapeSafe(code) ? ch : BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Serializes a path without rewriting reserved data. Raw RFC 3986 path
 * characters remain literal, valid escapes are preserved and uppercased, and
 * everything else is UTF-8 percent-encoded. In a path-noscheme, a colon in the
 * first segment must be escaped so the result cannot be parsed as a scheme.
 *
 * @param {string} input
 * @param {boolean} [pathNoScheme=false]
 * @returns {string}
 */
function serializePathEncoding (input, pathNoScheme = false) {
  let output = ''
  let firstSegment = pathNoScheme && input[0] !== '/'

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        output += '%' + hex.toUpperCase()
        i += 2
        continue
      }
    }

    if (ch === '/') {
      firstSegment = false
    }

    if (isPathCharacter(ch) && (ch !== ':' || !firstSegment)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Percent-encodes a URI component using its RFC 3986 literal character set.
 * Existing valid escapes are preserved and normalized to uppercase hex.
 *
 * @param {string} input
 * @param {(value: string) => boolean} isAllowed
 * @returns {string}
 */
function encodeComponent (input, isAllowed) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        output += '%' + hex.toUpperCase()
        i += 2
        continue
      }
    }

    if (isAllowed(ch)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Encodes userinfo while preserving its RFC 3986 §3.2.1 literal characters.
 * In particular, authority delimiters such as `@`, `/`, `?`, and `#` are data.
 *
 * @param {string} input
 * @returns {string}
 */
function encodeUserinfo (input) {
  return encodeComponent(input, isUserinfoCharacter)
}

/**
 * Encodes query data using the RFC 3986 §3.4 grammar. A literal `#` must be
 * escaped because it would otherwise begin the fragment component.
 *
 * @param {string} input
 * @returns {string}
 */
function encodeQuery (input) {
  return encodeComponent(input, isQueryFragmentCharacter)
}

/**
 * Encodes fragment data using the RFC 3986 §3.5 grammar.
 *
 * @param {string} input
 * @returns {string}
 */
function encodeFragment (input) {
  return encodeComponent(input, isQueryFragmentCharacter)
}

function isEscapeSafe (cp) {
  return (
    (cp >= 0x30 && cp <= 0x39) ||
    (cp >= 0x41 && cp <= 0x5A) ||
    (cp >= 0x61 && cp <= 0x7A) ||
    cp === 0x2A || cp === 0x2B || cp === 0x2D || cp === 0x2E ||
    cp === 0x2F || cp === 0x40 || cp === 0x5F
  )
}

/**
 * Normalizes the percent-encoding of a query or fragment component.
 *
 * Like `normalizePathEncoding`, but uses the query/fragment character set
 * (which additionally allows `?`) and decodes `.` since it has no dot-segment
 * meaning outside of a path.
 *
 * @param {string} input
 * @returns {string}
 */
function normalizeQueryFragmentEncoding (input) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    const ch = input[i]
    if (ch === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        const normalizedHex = hex.toUpperCase()
        const decoded = String.fromCharCode(parseInt(normalizedHex, 16))

        if (isUnreserved(decoded)) {
          output += decoded
        } else {
          output += '%' + normalizedHex
        }

        i += 2
        continue
      }
    }

    if (isQueryFragmentCharacter(ch)) {
      output += ch
    } else {
      const code = input.charCodeAt(i)
      if (code < 0x80) {
        output += isEscapeSafe(code) ? ch : BYTE_HEX[code]
      } else if (code < 0xD800 || code > 0xDFFF) {
        output += percentEncodeNonAscii(code)
      } else if (code <= 0xDBFF && i + 1 < input.length) {
        const low = input.charCodeAt(i + 1)
        if (low >= 0xDC00 && low <= 0xDFFF) {
          output += percentEncodeNonAscii(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))
          i++
        } else {
          output += percentEncodeNonAscii(0xFFFD)
        }
      } else {
        output += percentEncodeNonAscii(0xFFFD)
      }
    }
  }

  return output
}

/**
 * Escapes a component while preserving existing valid percent escapes.
 *
 * @param {string} input
 * @returns {string}
 */
function escapePreservingEscapes (input) {
  let output = ''

  for (let i = 0; i < input.length; i++) {
    if (input[i] === '%' && i + 2 < input.length) {
      const hex = input.slice(i + 1, i + 3)
      if (isHexPair(hex)) {
        output += '%' + hex.toUpperCase()
        i += 2
        continue
      }
    }

    output += escape(input[i])
  }

  return output
}

/**
 * @param {import('../types/index').URIComponent} component
 * @returns {string|undefined}
 */
function recomposeAuthority (component) {
  const uriTokens = []

  if (component.userinfo !== undefined) {
    uriTokens.push(encodeUserinfo(component.userinfo))
    uriTokens.push('@')
  }

  if (component.host !== undefined) {
    let host = component.host
    if (!isIPv4(host)) {
      let ipV6res = normalizeIPv6(host)
      if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
        // Decode only unreserved bytes, once. In particular, keep %25 encoded
        // so it cannot introduce a second escape during recomposition.
        host = normalizePercentEncoding(host, true)
        ipV6res = normalizeIPv6(host)
      }
      if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
        host = `[${ipV6res.escapedHost}]`
      } else {
        host = reescapeHostDelimiters(host, false)
      }
    }
    uriTokens.push(host)
  }

  if (typeof component.port === 'number' || typeof component.port === 'string') {
    const port = String(component.port)
    if (!isPort(port)) {
      throw new TypeError('URI port is malformed.')
    }
    uriTokens.push(':')
    uriTokens.push(port)
  }

  return uriTokens.length ? uriTokens.join('') : undefined
};

module.exports = {
  nonSimpleDomain,
  recomposeAuthority,
  reescapeHostDelimiters,
  normalizePercentEncoding,
  normalizePathEncoding,
  serializePathEncoding,
  normalizeQueryFragmentEncoding,
  encodeUserinfo,
  encodeQuery,
  encodeFragment,
  escapePreservingEscapes,
  removeDotSegments,
  removeDotSegmentsRelative,
  isIPv4,
  isUUID,
  normalizeIPv6,
  stringArrayToHexStripped
}


/***/ }),

/***/ 57349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var resolveBlockMap = __nccwpck_require__(87103);
var resolveBlockSeq = __nccwpck_require__(90334);
var resolveFlowCollection = __nccwpck_require__(13142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 23683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(45937);
var resolveEnd = __nccwpck_require__(17788);
var resolveProps = __nccwpck_require__(34631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 45937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(41127);
var composeCollection = __nccwpck_require__(57349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(17788);
var utilEmptyScalarPosition = __nccwpck_require__(22599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var resolveBlockScalar = __nccwpck_require__(48913);
var resolveFlowScalar = __nccwpck_require__(76842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 89984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(61342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(91464);
var identity = __nccwpck_require__(41127);
var composeDoc = __nccwpck_require__(23683);
var resolveEnd = __nccwpck_require__(17788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 87103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(57165);
var YAMLMap = __nccwpck_require__(84454);
var resolveProps = __nccwpck_require__(34631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(74051);
var utilMapIncludes = __nccwpck_require__(81187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 48913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 90334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(92223);
var resolveProps = __nccwpck_require__(34631);
var utilFlowIndentCheck = __nccwpck_require__(74051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 17788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 13142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var resolveEnd = __nccwpck_require__(17788);
var resolveProps = __nccwpck_require__(34631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(81187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 76842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var resolveEnd = __nccwpck_require__(17788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 34631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 22599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 74051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 81187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(40101);
var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var toJS = __nccwpck_require__(74043);
var Schema = __nccwpck_require__(45840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(71596);
var applyReviver = __nccwpck_require__(83661);
var createNode = __nccwpck_require__(42404);
var directives = __nccwpck_require__(61342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 71596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var visit = __nccwpck_require__(10204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 83661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 42404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 61342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var visit = __nccwpck_require__(10204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 91464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 38815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(89984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(45840);
var errors = __nccwpck_require__(91464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var Scalar = __nccwpck_require__(63301);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(40361);
var lineCounter = __nccwpck_require__(66628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(84047);
var visit = __nccwpck_require__(10204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
exports.As = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 57249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(71596);
var visit = __nccwpck_require__(10204);
var identity = __nccwpck_require__(41127);
var Node = __nccwpck_require__(66673);
var toJS = __nccwpck_require__(74043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 40101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(42404);
var identity = __nccwpck_require__(41127);
var Node = __nccwpck_require__(66673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 66673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(83661);
var identity = __nccwpck_require__(41127);
var toJS = __nccwpck_require__(74043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 57165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(42404);
var stringifyPair = __nccwpck_require__(59748);
var addPairToJSMap = __nccwpck_require__(97104);
var identity = __nccwpck_require__(41127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 63301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Node = __nccwpck_require__(66673);
var toJS = __nccwpck_require__(74043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 84454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(61212);
var addPairToJSMap = __nccwpck_require__(97104);
var Collection = __nccwpck_require__(40101);
var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var Scalar = __nccwpck_require__(63301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 92223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(42404);
var stringifyCollection = __nccwpck_require__(61212);
var Collection = __nccwpck_require__(40101);
var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var toJS = __nccwpck_require__(74043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 97104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(57249);
var merge = __nccwpck_require__(90452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(41127);
var toJS = __nccwpck_require__(74043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 41127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 74043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 60110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(48913);
var resolveFlowScalar = __nccwpck_require__(76842);
var errors = __nccwpck_require__(91464);
var stringifyString = __nccwpck_require__(83069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 91733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 97715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(60110);
var cstStringify = __nccwpck_require__(91733);
var cstVisit = __nccwpck_require__(97715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 40361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 66628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(40361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 84047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(89984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(91464);
var log = __nccwpck_require__(57249);
var identity = __nccwpck_require__(41127);
var lineCounter = __nccwpck_require__(66628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 45840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var map = __nccwpck_require__(47451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var tags = __nccwpck_require__(90018);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 47451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var YAMLMap = __nccwpck_require__(84454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 73632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var YAMLSeq = __nccwpck_require__(92223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 66464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(83069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 73959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 38405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var stringifyNumber = __nccwpck_require__(28689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 59874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(28689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 70896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(47451);
var _null = __nccwpck_require__(73632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var bool = __nccwpck_require__(73959);
var float = __nccwpck_require__(38405);
var int = __nccwpck_require__(59874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 33559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var map = __nccwpck_require__(47451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 90018:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(47451);
var _null = __nccwpck_require__(73632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var bool = __nccwpck_require__(73959);
var float = __nccwpck_require__(38405);
var int = __nccwpck_require__(59874);
var schema = __nccwpck_require__(70896);
var schema$1 = __nccwpck_require__(33559);
var binary = __nccwpck_require__(56083);
var merge = __nccwpck_require__(90452);
var omap = __nccwpck_require__(50303);
var pairs = __nccwpck_require__(18385);
var schema$2 = __nccwpck_require__(35913);
var set = __nccwpck_require__(81528);
var timestamp = __nccwpck_require__(46752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 56083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(20181);
var Scalar = __nccwpck_require__(63301);
var stringifyString = __nccwpck_require__(83069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 88398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 35782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var stringifyNumber = __nccwpck_require__(28689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 10873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(28689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 90452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 50303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var toJS = __nccwpck_require__(74043);
var YAMLMap = __nccwpck_require__(84454);
var YAMLSeq = __nccwpck_require__(92223);
var pairs = __nccwpck_require__(18385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 18385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var Scalar = __nccwpck_require__(63301);
var YAMLSeq = __nccwpck_require__(92223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 35913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(47451);
var _null = __nccwpck_require__(73632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(66464);
var binary = __nccwpck_require__(56083);
var bool = __nccwpck_require__(88398);
var float = __nccwpck_require__(35782);
var int = __nccwpck_require__(10873);
var merge = __nccwpck_require__(90452);
var omap = __nccwpck_require__(50303);
var pairs = __nccwpck_require__(18385);
var set = __nccwpck_require__(81528);
var timestamp = __nccwpck_require__(46752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 81528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Pair = __nccwpck_require__(57165);
var YAMLMap = __nccwpck_require__(84454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 46752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(28689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 34475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(71596);
var identity = __nccwpck_require__(41127);
var stringifyComment = __nccwpck_require__(59799);
var stringifyString = __nccwpck_require__(83069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 61212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(59799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 59799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(59799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 28689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 59748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);
var Scalar = __nccwpck_require__(63301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(59799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 83069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(63301);
var foldFlowLines = __nccwpck_require__(34475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 10204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(41127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ }),

/***/ 63837:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$id":"https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#","description":"Meta-schema for $data reference (JSON AnySchema extension proposal)","type":"object","required":["$data"],"properties":{"$data":{"type":"string","anyOf":[{"format":"relative-json-pointer"},{"format":"json-pointer"}]}},"additionalProperties":false}');

/***/ }),

/***/ 72079:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"http://json-schema.org/draft-07/schema#","title":"Core schema meta-schema","definitions":{"schemaArray":{"type":"array","minItems":1,"items":{"$ref":"#"}},"nonNegativeInteger":{"type":"integer","minimum":0},"nonNegativeIntegerDefault0":{"allOf":[{"$ref":"#/definitions/nonNegativeInteger"},{"default":0}]},"simpleTypes":{"enum":["array","boolean","integer","null","number","object","string"]},"stringArray":{"type":"array","items":{"type":"string"},"uniqueItems":true,"default":[]}},"type":["object","boolean"],"properties":{"$id":{"type":"string","format":"uri-reference"},"$schema":{"type":"string","format":"uri"},"$ref":{"type":"string","format":"uri-reference"},"$comment":{"type":"string"},"title":{"type":"string"},"description":{"type":"string"},"default":true,"readOnly":{"type":"boolean","default":false},"examples":{"type":"array","items":true},"multipleOf":{"type":"number","exclusiveMinimum":0},"maximum":{"type":"number"},"exclusiveMaximum":{"type":"number"},"minimum":{"type":"number"},"exclusiveMinimum":{"type":"number"},"maxLength":{"$ref":"#/definitions/nonNegativeInteger"},"minLength":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"pattern":{"type":"string","format":"regex"},"additionalItems":{"$ref":"#"},"items":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/schemaArray"}],"default":true},"maxItems":{"$ref":"#/definitions/nonNegativeInteger"},"minItems":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"uniqueItems":{"type":"boolean","default":false},"contains":{"$ref":"#"},"maxProperties":{"$ref":"#/definitions/nonNegativeInteger"},"minProperties":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"required":{"$ref":"#/definitions/stringArray"},"additionalProperties":{"$ref":"#"},"definitions":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"properties":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"patternProperties":{"type":"object","additionalProperties":{"$ref":"#"},"propertyNames":{"format":"regex"},"default":{}},"dependencies":{"type":"object","additionalProperties":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/stringArray"}]}},"propertyNames":{"$ref":"#"},"const":true,"enum":{"type":"array","items":true,"minItems":1,"uniqueItems":true},"type":{"anyOf":[{"$ref":"#/definitions/simpleTypes"},{"type":"array","items":{"$ref":"#/definitions/simpleTypes"},"minItems":1,"uniqueItems":true}]},"format":{"type":"string"},"contentMediaType":{"type":"string"},"contentEncoding":{"type":"string"},"if":{"$ref":"#"},"then":{"$ref":"#"},"else":{"$ref":"#"},"allOf":{"$ref":"#/definitions/schemaArray"},"anyOf":{"$ref":"#/definitions/schemaArray"},"oneOf":{"$ref":"#/definitions/schemaArray"},"not":{"$ref":"#"}},"default":true}');

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  r_: () => (/* reexport */ forestWorkerMain),
  Cs: () => (/* reexport */ runAction),
  ak: () => (/* reexport */ runCli)
});

;// CONCATENATED MODULE: ./src/engine/errors.ts
// Two families of errors: the user's (a bad input, a broken config, a file that is not there), which the
// front doors report as a usage error (exit 2) with a message that says what to change, and our own
// failures, which keep their stack. Each class carries the facts that locate the problem.
/** A mistake the user can fix. Front doors print the message alone, without a stack. */
class UserError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UserError';
    }
}
/** A pipeline file (or another config file) that does not match its schema. */
class ConfigError extends UserError {
    file;
    keyPath;
    line;
    constructor(file, keyPath, message, line) {
        const where = line === undefined ? file : `${file} line ${line}`;
        super(keyPath ? `${where}, key "${keyPath}": ${message}` : `${where}: ${message}`);
        this.name = 'ConfigError';
        this.file = file;
        this.keyPath = keyPath;
        this.line = line;
    }
}
/** A bad action input or CLI flag. */
class InputError extends UserError {
    input;
    constructor(input, message) {
        super(`input "${input}": ${message}`);
        this.name = 'InputError';
        this.input = input;
    }
}
/** A data file that cannot be read at all (missing, unreadable, a glob that matches nothing). */
class DataFileError extends UserError {
    file;
    constructor(file, message) {
        super(`${file}: ${message}`);
        this.name = 'DataFileError';
        this.file = file;
    }
}
/** An output path refused: it would replace an input of the run, a folder, or a file that is not ours. */
class OutputPathError extends UserError {
    file;
    constructor(file, message) {
        super(`${file}: ${message}`);
        this.name = 'OutputPathError';
        this.file = file;
    }
}
/** A model package that cannot be trusted: unknown format, truncated, wrong digest. */
class ModelFormatError extends UserError {
    file;
    constructor(file, message) {
        super(`${file}: ${message}`);
        this.name = 'ModelFormatError';
        this.file = file;
    }
}
/** A step whose implementation has not landed yet; it must fail, never pretend to succeed. */
class NotImplementedError extends UserError {
    constructor(step) {
        super(`${step} is not implemented yet`);
        this.name = 'NotImplementedError';
    }
}
/** Data that lacks a column the pipeline or the model needs (a feature, the id). */
class MissingColumnError extends UserError {
    column;
    constructor(column, message) {
        super(message);
        this.name = 'MissingColumnError';
        this.column = column;
    }
}

;// CONCATENATED MODULE: ./src/adapters/actions-storage.ts
function actionsArtifactStore() {
    return {
        async upload(name, files, rootDirectory) {
            const { DefaultArtifactClient } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(838), __nccwpck_require__.e(251), __nccwpck_require__.e(351), __nccwpck_require__.e(878), __nccwpck_require__.e(110), __nccwpck_require__.e(162), __nccwpck_require__.e(518)]).then(__nccwpck_require__.bind(__nccwpck_require__, 56518));
            const result = await new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory);
            return { id: result.id, size: result.size };
        },
    };
}
/** The Actions cache, or undefined where the runner offers none (then every run trains). */
async function actionsModelCache() {
    const cache = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(838), __nccwpck_require__.e(878), __nccwpck_require__.e(110), __nccwpck_require__.e(612)]).then(__nccwpck_require__.bind(__nccwpck_require__, 50612));
    if (!cache.isFeatureAvailable())
        return undefined;
    return {
        async restore(paths, key) {
            return (await cache.restoreCache(paths, key)) === key;
        },
        async save(paths, key) {
            await cache.saveCache(paths, key);
        },
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
;// CONCATENATED MODULE: ./src/adapters/github.ts
// The GitHub edge: an Octokit with retries and throttling, the champion as the newest release of a
// pipeline, and the one pull request comment per pipeline, found by its marker and updated in place.


/** The champion could not be looked up (no access, the API unreachable): never read as "no champion". */
class ChampionLookupError extends UserError {
    status;
    constructor(message, status) {
        super(message);
        this.name = 'ChampionLookupError';
        this.status = status;
    }
}
/** The repository and pull request this run is about, from the runner's environment and event file. */
async function pullRequestContext(env = process.env) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    let event = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            event = JSON.parse(await (0,promises_.readFile)(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch {
            event = {};
        }
    }
    const pr = event.pull_request;
    const head = pr?.head?.repo;
    const fromFork = pr !== undefined && (head === null || head?.fork === true || (head?.full_name !== undefined && head.full_name !== pr.base?.repo?.full_name));
    return { owner, repo, number: pr?.number, fromFork };
}
/** An Octokit for GITHUB_API_URL that retries server errors and waits out rate limits (a few times). */
async function octokitFor(token, io) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(351)]).then(__nccwpck_require__.bind(__nccwpck_require__, 61351)), Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(735)]).then(__nccwpck_require__.bind(__nccwpck_require__, 49735)), Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(856)]).then(__nccwpck_require__.bind(__nccwpck_require__, 86856))]);
    return getOctokit(token, {
        baseUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
        retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], retries: 3 },
        throttle: {
            onRateLimit: (after, _o, _k, count) => {
                io.warning(`GitHub rate limit: retrying after ${after} s`);
                return count < 2;
            },
            onSecondaryRateLimit: (after, _o, _k, count) => {
                io.warning(`GitHub secondary rate limit: retrying after ${after} s`);
                return count < 2;
            },
        },
    }, retry, throttling);
}
/** The pull request comment that carries `marker`: updated in place, else created; a 403 is a notice. */
function pullRequestComments(octokit, ctx) {
    /** Updates our comment if there is one; returns its id, or undefined. */
    const updateExisting = async (marker, body) => {
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: ctx.owner, repo: ctx.repo, issue_number: ctx.number, per_page: 100 })) {
            // Ours: it starts with the marker and a bot wrote it (data cannot put a marker at the start).
            const mine = page.data.find((c) => (c.body ?? '').startsWith(marker) && c.user?.type === 'Bot');
            if (mine) {
                await octokit.rest.issues.updateComment({ owner: ctx.owner, repo: ctx.repo, comment_id: mine.id, body });
                return mine.id;
            }
        }
        return undefined;
    };
    return {
        async upsert(marker, body) {
            try {
                const updated = await updateExisting(marker, body);
                if (updated !== undefined)
                    return `updated the pull request comment ${updated}`;
                // A create is never retried blindly: its response may be lost after GitHub stored it. After a
                // failure, look again and update what is there; create only when there is still nothing.
                for (let attempt = 1;; attempt++) {
                    try {
                        const created = await octokit.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: ctx.number, body, request: { retries: 0 } });
                        return `created the pull request comment ${created.data.id}`;
                    }
                    catch (err) {
                        const status = err.status ?? 0;
                        if (attempt >= 3 || (status !== 0 && status < 500))
                            throw err;
                        const found = await updateExisting(marker, body);
                        if (found !== undefined)
                            return `updated the pull request comment ${found} (its creation had answered ${status || 'no response'})`;
                    }
                }
            }
            catch (err) {
                if (err.status === 403)
                    return 'the token cannot write comments here (403, as on a pull request from a fork): the report is in the job summary and the mlops-comparison artifact';
                throw err;
            }
        },
    };
}
/** GitHub Deployments: one per release and environment (no auto-merge, no required contexts). */
function githubDeployments(octokit, owner, repo) {
    return {
        async start(ref, environment, payload, description) {
            const res = await octokit.rest.repos.createDeployment({ owner, repo, ref, environment, auto_merge: false, required_contexts: [], payload: JSON.stringify(payload), description, production_environment: environment === 'production' });
            const id = res.data.id;
            if (id === undefined)
                throw new UserError(`GitHub did not create the deployment of ${ref}: ${res.data.message ?? 'no reason given'}`);
            return id;
        },
        async status(id, state, environmentUrl, description) {
            await octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: id, state, environment_url: environmentUrl, description: description.slice(0, 140), auto_inactive: state === 'success' });
        },
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
;// CONCATENATED MODULE: ./src/engine/digest.ts

/** The sha256 of bytes or text, as 64 hex digits: every digest the project records or compares. */
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}

;// CONCATENATED MODULE: ./src/engine/registry/contract.ts
// The registry contract, shared by both adapters (GitHub Releases and the local models/ folder): how a
// version is named, which files it holds, how they are checksummed, and which version is the champion.
// Every version is immutable; the champion is the highest published version. A rollback publishes a
// new version that carries an earlier version's files, so the rule never changes and history keeps
// every step.


const RELEASE_FORMAT = 'mlops-release/1';
/** The files of a version, in the order SHA256SUMS lists them. */
const MODEL_ASSET = (pipeline) => `${pipeline}-model.json.gz`;
/** The plain package an earlier format published; still read, never written. */
const LEGACY_MODEL_ASSET = (pipeline) => `${pipeline}-model.json`;
const METRICS_ASSET = 'metrics.json';
const CARD_ASSET = 'model-card.md';
const COMPARISON_ASSET = 'comparison.json';
const RECORD_ASSET = 'release.json';
const SUMS_ASSET = 'SHA256SUMS';
function tagOf(pipeline, version) {
    return `${pipeline}-v${version}`;
}
/** The version a tag names for this pipeline, or undefined (another pipeline's, or not ours). */
function versionOfTag(pipeline, tag) {
    const prefix = `${pipeline}-v`;
    if (!tag.startsWith(prefix))
        return undefined;
    const rest = tag.slice(prefix.length);
    return /^[1-9]\d{0,8}$/.test(rest) ? Number(rest) : undefined;
}
/** A version as a user writes it (3, v3 or <pipeline>-v3), or undefined when it is none of those. */
function parseVersionArg(pipeline, raw) {
    const text = raw.trim();
    const bare = /^v?([1-9]\d{0,8})$/.exec(text);
    return bare ? Number(bare[1]) : versionOfTag(pipeline, text);
}
function nextVersion(existing) {
    return existing.reduce((a, b) => Math.max(a, b), 0) + 1;
}
/** SHA256SUMS in the coreutils format (`<hex>  <name>`), one line per file. */
function formatSums(files) {
    return files.map((f) => `${sha256Hex(f.bytes)}  ${f.name}\n`).join('');
}
function parseSums(source, text) {
    const sums = new Map();
    for (const [i, line] of text.split('\n').entries()) {
        if (line.trim() === '')
            continue;
        const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line.trim());
        if (!m)
            throw new ModelFormatError(source, `SHA256SUMS line ${i + 1} is not "<sha256>  <name>"`);
        sums.set(m[2], m[1]);
    }
    return sums;
}
/** The model asset among a version's files (the current name, or the earlier format's). */
function modelFile(source, pipeline, files) {
    const model = files.find((f) => f.name === MODEL_ASSET(pipeline)) ?? files.find((f) => f.name === LEGACY_MODEL_ASSET(pipeline));
    if (!model)
        throw new ModelFormatError(source, `has no ${MODEL_ASSET(pipeline)}`);
    return model;
}
/** A champion as a store hands it over must be the bytes it was published with. */
function checkPublished(found) {
    const actual = sha256Hex(found.bytes);
    if (actual !== found.sha256)
        throw new ModelFormatError(found.source, `checksum mismatch: the champion's sha256 is ${actual}, but it was published as ${found.sha256}`);
}
/** Checks every file against SHA256SUMS (which must list each); returns the model asset. */
function verifyFiles(source, pipeline, files) {
    const sumsFile = files.find((f) => f.name === SUMS_ASSET);
    if (!sumsFile)
        throw new ModelFormatError(source, `has no ${SUMS_ASSET}; it cannot be verified`);
    const sums = parseSums(`${source} ${SUMS_ASSET}`, sumsFile.bytes.toString('utf8'));
    for (const f of files) {
        if (f.name === SUMS_ASSET)
            continue;
        const want = sums.get(f.name);
        if (!want)
            throw new ModelFormatError(source, `${f.name} is not listed in ${SUMS_ASSET}`);
        const got = sha256Hex(f.bytes);
        if (got !== want)
            throw new ModelFormatError(source, `checksum mismatch: ${f.name} has sha256 ${got}, but ${SUMS_ASSET} lists ${want}`);
    }
    return modelFile(source, pipeline, files);
}
function parseRecord(source, bytes) {
    let value;
    try {
        value = JSON.parse(bytes.toString('utf8'));
    }
    catch (err) {
        throw new ModelFormatError(`${source} ${RECORD_ASSET}`, `not JSON (${err.message})`);
    }
    const r = value;
    if (r?.format !== RELEASE_FORMAT || typeof r.version !== 'number' || typeof r.model_sha256 !== 'string')
        throw new ModelFormatError(`${source} ${RECORD_ASSET}`, `not a ${RELEASE_FORMAT} record`);
    return r;
}

;// CONCATENATED MODULE: ./src/adapters/github-registry.ts
// The registry on GitHub Releases: version N of a pipeline's model is the release tagged <pipeline>-vN.
// A release is created as a draft, its assets uploaded and checked against their digests, and only then
// published, so a half-made release is never taken for the champion (drafts are not published
// versions). Every call can fail or lose its answer, so publishing is idempotent: the release is found
// by its tag (drafts included) before one is created, an asset whose digest already matches is kept, a
// broken one (unfinished, or another digest) is replaced, and a release already published with this
// model is the result. There is never a second release or a duplicate asset.




/** The hidden line in a release body that says which model a draft is being made for. */
const marker = (sha) => `<!-- mlops-actions:release model_sha256=${sha} -->`;
function githubRegistry(octokit, owner, repo, io) {
    const where = `the GitHub releases of ${owner}/${repo}`;
    /** This pipeline's releases by version, drafts included; pre-releases are never versions. */
    async function releases(pipeline) {
        const out = new Map();
        for await (const page of octokit.paginate.iterator(octokit.rest.repos.listReleases, { owner, repo, per_page: 100 })) {
            for (const r of page.data) {
                const v = versionOfTag(pipeline, r.tag_name);
                if (v !== undefined && !r.prerelease)
                    out.set(v, r);
            }
        }
        return out;
    }
    const download = async (asset) => {
        const res = await octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id: asset.id, headers: { accept: 'application/octet-stream' } });
        return Buffer.from(res.data);
    };
    /** The sha256 of an asset: its digest where GitHub gives one, else its bytes hashed. */
    const digestOf = async (asset) => {
        if (asset.state !== 'uploaded')
            return undefined;
        if (asset.digest?.startsWith('sha256:'))
            return asset.digest.slice('sha256:'.length);
        return sha256Hex(await download(asset));
    };
    async function releaseFiles(r) {
        return Promise.all(r.assets.filter((a) => a.state === 'uploaded').map(async (a) => ({ name: a.name, bytes: await download(a) })));
    }
    async function lookup(pipeline, run) {
        try {
            return await run();
        }
        catch (err) {
            if (err instanceof UserError)
                throw err;
            const status = err.status;
            const why = status === 401 ? 'the token was refused (401)' : status === 403 ? 'the token may not read releases (403; the job needs contents: read)' : status === 404 ? `the repository ${owner}/${repo} was not found (404)` : `the GitHub API did not answer after retries (${status ? `HTTP ${status}` : err.message})`;
            throw new ChampionLookupError(`cannot look up the champion of "${pipeline}" in ${where}: ${why}. Deciding without it could publish over a champion that exists, so the step stops`, status);
        }
    }
    async function publishedFiles(pipeline, version, r) {
        const files = await releaseFiles(r);
        const source = `release ${r.tag_name}`;
        const names = new Set(files.map((f) => f.name));
        if (!names.has(MODEL_ASSET(pipeline)) && !names.has(LEGACY_MODEL_ASSET(pipeline)))
            throw new ChampionLookupError(`${source} lacks ${MODEL_ASSET(pipeline)}; it cannot be trusted as version ${version}`);
        if (!names.has(SUMS_ASSET))
            throw new ChampionLookupError(`${source} lacks ${SUMS_ASSET}; it cannot be verified`);
        return { files, model: verifyFiles(source, pipeline, files) };
    }
    return {
        where,
        async find(pipeline) {
            return lookup(pipeline, async () => {
                const published = [...(await releases(pipeline))].filter(([, r]) => !r.draft).sort((a, b) => b[0] - a[0]);
                const top = published[0];
                if (!top)
                    return undefined;
                const [version, r] = top;
                // The model and SHA256SUMS only: the champion's other files are not needed to compare.
                const model = r.assets.find((a) => a.name === MODEL_ASSET(pipeline) && a.state === 'uploaded') ?? r.assets.find((a) => a.name === LEGACY_MODEL_ASSET(pipeline) && a.state === 'uploaded');
                const sums = r.assets.find((a) => a.name === SUMS_ASSET && a.state === 'uploaded');
                if (!model || !sums)
                    throw new ChampionLookupError(`the release ${r.tag_name} lacks ${!model ? MODEL_ASSET(pipeline) : SUMS_ASSET}; it cannot be trusted as the champion`);
                const listed = parseSums(`release ${r.tag_name} ${SUMS_ASSET}`, (await download(sums)).toString('utf8')).get(model.name);
                if (!listed)
                    throw new ChampionLookupError(`SHA256SUMS of ${r.tag_name} has no sha256 for ${model.name}`);
                return { source: `release ${r.tag_name}`, bytes: await download(model), sha256: listed, version };
            });
        },
        async versions(pipeline) {
            const all = await lookup(pipeline, () => releases(pipeline));
            return [...all].filter(([, r]) => !r.draft).sort((a, b) => a[0] - b[0]).map(([version, r]) => ({ version, tag: r.tag_name, url: r.html_url, record: null }));
        },
        async files(pipeline, version) {
            const r = (await releases(pipeline)).get(version);
            if (!r || r.draft)
                throw new UserError(`${where} have no published ${tagOf(pipeline, version)}`);
            return (await publishedFiles(pipeline, version, r)).files;
        },
        async publish(pipeline, files, record) {
            const tag = record.tag;
            const card = files.find((f) => f.name === 'model-card.md')?.bytes.toString('utf8') ?? '';
            const body = `${card.length > 120000 ? `${card.slice(0, 120000)}\n…` : card}\n${marker(record.model_sha256)}\n`;
            let release = (await releases(pipeline)).get(record.version);
            if (release && !release.draft) {
                // Published already: by an earlier attempt whose answer was lost (this model), or by another run.
                const { model } = await publishedFiles(pipeline, record.version, release);
                if (sha256Hex(model.bytes) !== record.model_sha256)
                    throw new UserError(`${tag} is published already with another model; compare again against the champion as it is now`);
                io.info(`${tag} is published already with this model (an earlier attempt); nothing more to do`);
                return { version: record.version, tag, url: release.html_url, record };
            }
            if (release && !(release.body ?? '').includes(marker(record.model_sha256))) {
                io.warning(`a draft ${tag} for another model was left by a failed run; it is deleted and made again`);
                await octokit.rest.repos.deleteRelease({ owner, repo, release_id: release.id });
                release = undefined;
            }
            if (!release) {
                try {
                    const created = await octokit.rest.repos.createRelease({ owner, repo, tag_name: tag, name: `${pipeline} v${record.version}`, body, draft: true, ...(record.commit ? { target_commitish: record.commit } : {}), request: { retries: 0 } });
                    release = created.data;
                }
                catch (err) {
                    // The create's answer may be lost after GitHub stored the draft: look again before anything else.
                    release = (await releases(pipeline)).get(record.version);
                    if (!release || !(release.body ?? '').includes(marker(record.model_sha256)))
                        throw err;
                    io.info(`the draft ${tag} was made although its creation answered ${err.status ?? 'nothing'}`);
                }
            }
            const origin = release.upload_url.replace(/\/repos\/.*$/, '');
            for (const f of files) {
                const sha = sha256Hex(f.bytes);
                const existing = release.assets.find((a) => a.name === f.name);
                if (existing) {
                    if ((await digestOf(existing)) === sha)
                        continue;
                    io.info(`${tag}: ${f.name} is ${existing.state === 'uploaded' ? 'another file' : 'an unfinished upload'}; it is replaced`);
                    await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: existing.id });
                }
                try {
                    await octokit.rest.repos.uploadReleaseAsset({ owner, repo, release_id: release.id, name: f.name, data: f.bytes, baseUrl: origin, headers: { 'content-type': 'application/octet-stream', 'content-length': f.bytes.length } });
                }
                catch (err) {
                    // A lost answer: the next check finds the asset, or the re-run uploads it again.
                    io.warning(`${tag}: uploading ${f.name} answered ${err.status ?? err.message}; it is checked next`);
                }
            }
            // Checked before publishing: every file there, finished, with its digest.
            const check = (await octokit.rest.repos.getRelease({ owner, repo, release_id: release.id })).data;
            for (const f of files) {
                const a = check.assets.find((x) => x.name === f.name);
                if (!a || (await digestOf(a)) !== sha256Hex(f.bytes))
                    throw new ModelFormatError(`release ${tag}`, `${f.name} did not upload whole; run the step again to complete the draft (nothing was published)`);
            }
            try {
                const done = await octokit.rest.repos.updateRelease({ owner, repo, release_id: release.id, draft: false, make_latest: 'true' });
                release = done.data;
            }
            catch (err) {
                const again = (await octokit.rest.repos.getRelease({ owner, repo, release_id: release.id })).data;
                if (again.draft)
                    throw err;
                release = again;
            }
            return { version: record.version, tag, url: release.html_url, record };
        },
    };
}

;// CONCATENATED MODULE: ./src/adapters/attest.ts
function attestation(core, token) {
    return async (name, sha256) => {
        if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL) {
            core.notice(`publish-model: no provenance attestation for ${name}: the job does not grant id-token: write (and attestations: write)`);
            return;
        }
        try {
            const { attestProvenance } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(838), __nccwpck_require__.e(251), __nccwpck_require__.e(351), __nccwpck_require__.e(878), __nccwpck_require__.e(162), __nccwpck_require__.e(476)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4476));
            const result = await attestProvenance({ subjects: [{ name, digest: { sha256 } }], token });
            core.info(`attested the build provenance of ${name} (sha256:${sha256})${result.attestationID ? `: attestation ${result.attestationID}` : ''}`);
        }
        catch (err) {
            core.warning(`publish-model: the provenance attestation of ${name} failed (${err.message}); the job needs id-token: write and attestations: write. The release stands.`);
        }
    };
}

;// CONCATENATED MODULE: ./src/engine/compare/p-value.ts
// p-values as people read them: never "p = 0". A p below what a double can tell from 0 (or below what
// the test can resolve) is shown as a bound, a small one in scientific notation.
/** The smallest p-value shown as a number; below it, "p < 1e-16". */
const P_FLOOR = 1e-16;
function formatP(p) {
    if (!(p >= P_FLOOR))
        return 'p < 1e-16';
    if (p < 0.001)
        return `p = ${p.toExponential(1)}`;
    return `p = ${Number(p.toPrecision(2))}`;
}

;// CONCATENATED MODULE: ./src/engine/compare/gates.ts
// The promotion decision, separate from the measuring. Gates follow MLflow's validation thresholds:
// per metric an absolute `threshold` (a floor, or a ceiling when lower is better), and against the
// champion `min_absolute_change`, `min_relative_change` and `max_regression`.

/** Metrics where a smaller value is better; every other built-in metric is better when larger. */
const LOWER_IS_BETTER = new Set(['log_loss', 'brier', 'rmse', 'mae', 'mape', 'median_ae']);
const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(1) : Number(v.toPrecision(4)).toString());
/**
 * Decides. `candidate` and `champion` are scalar metrics on the same rows (champion undefined for a
 * first model); `primaryTest` is the paired test on the primary metric. Only a candidate that passes
 * every gate is promoted: a first model that misses a threshold is rejected like any other.
 */
function decide(gates, candidate, champion, primaryTest, evidence = {}) {
    const reasons = [];
    let failed = false;
    if (evidence.tooFewRows !== undefined)
        return { decision: 'reject', promote: false, reasons: [evidence.tooFewRows] };
    // An identical candidate is judged by the absolute thresholds only: a change against itself is 0.
    const relative = evidence.identical === undefined ? champion : undefined;
    const better = (name, d) => (LOWER_IS_BETTER.has(name) ? -d : d);
    for (const [name, gate] of Object.entries(gates.metrics)) {
        const value = candidate[name];
        if (value === null || value === undefined) {
            reasons.push(`${name}: not available for this model, so its gate cannot pass`);
            failed = true;
            continue;
        }
        if (gate.threshold !== undefined) {
            const ok = LOWER_IS_BETTER.has(name) ? value <= gate.threshold : value >= gate.threshold;
            reasons.push(`${name} ${fmt(value)} ${ok ? 'meets' : 'misses'} the ${LOWER_IS_BETTER.has(name) ? 'ceiling' : 'floor'} ${fmt(gate.threshold)}`);
            if (!ok)
                failed = true;
        }
        const base = relative?.[name];
        if (base === null || base === undefined)
            continue;
        const gain = better(name, value - base); // > 0: the candidate is better
        if (gate.min_absolute_change !== undefined && gain < gate.min_absolute_change) {
            reasons.push(`${name} improves by ${fmt(gain)}, less than min_absolute_change ${fmt(gate.min_absolute_change)}`);
            failed = true;
        }
        if (gate.min_relative_change !== undefined) {
            const rel = base === 0 ? (gain > 0 ? Infinity : 0) : gain / Math.abs(base);
            if (rel < gate.min_relative_change) {
                reasons.push(`${name} improves by ${fmt(rel * 100)}%, less than min_relative_change ${fmt(gate.min_relative_change * 100)}%`);
                failed = true;
            }
        }
        if (gate.max_regression !== undefined && -gain > gate.max_regression) {
            reasons.push(`${name} is worse by ${fmt(-gain)}, more than max_regression ${fmt(gate.max_regression)}`);
            failed = true;
        }
    }
    if (evidence.unscorableChampion !== undefined) {
        // There is a champion, but it cannot be scored on this data: the thresholds decide alone.
        return { decision: failed ? 'reject' : 'promote', promote: !failed, reasons: [evidence.unscorableChampion, ...reasons] };
    }
    if (!champion) {
        return { decision: failed ? 'reject' : 'first-model', promote: !failed, reasons: [`no champion yet: only the absolute thresholds apply`, ...reasons] };
    }
    if (evidence.identical !== undefined) {
        return { decision: failed ? 'reject' : 'no-change', promote: false, reasons: [evidence.identical, ...reasons] };
    }
    if (primaryTest) {
        const gain = better(gates.primary, primaryTest.diff);
        const significant = primaryTest.p < gates.alpha;
        if (significant && gain < 0) {
            reasons.push(`${gates.primary} is significantly worse than the champion's (${fmt(primaryTest.diff)}, ${formatP(primaryTest.p)})`);
            failed = true;
        }
        else if (gates.requireSignificantGain && !(significant && gain > 0)) {
            reasons.push(`${gates.primary} is not significantly better than the champion's (${fmt(primaryTest.diff)}, ${formatP(primaryTest.p)}); require_significant_gain is on`);
            failed = true;
        }
        else {
            reasons.push(`${gates.primary}: ${gain > 0 ? 'better' : gain < 0 ? 'worse' : 'no change'} by ${fmt(Math.abs(primaryTest.diff))} (${formatP(primaryTest.p)}, ${significant ? 'significant' : 'not significant'} at α = ${gates.alpha})`);
        }
    }
    return { decision: failed ? 'reject' : 'promote', promote: !failed, reasons };
}

;// CONCATENATED MODULE: ./src/engine/text/escape.ts
// Everything that comes from data or config passes through here before it reaches Markdown, an
// annotation or a log line. Data can hold anything: `<img src=x>`, `@org/team`, `|`, a fake
// `<!-- marker -->`, newlines that would start a workflow command (`::set-output`) in the log.
const MARKDOWN_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '|': '&#124;',
    '\\': '&#92;',
    '`': '&#96;',
    '*': '&#42;',
    _: '&#95;',
    '[': '&#91;',
    ']': '&#93;',
    '(': '&#40;',
    ')': '&#41;',
    '#': '&#35;',
    '!': '&#33;',
    '~': '&#126;',
    // An entity for @ renders as @ but GitHub does not turn it into a mention.
    '@': '&#64;',
    ':': '&#58;',
};
const MARKDOWN_SPECIAL = /[&<>"'|\\`*_[\]()#!~@:]/g;
// C0 and C1 controls (tabs and newlines included), line and paragraph separators.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Shortens a string to at most `max` characters, marking the cut with an ellipsis. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, max - 1)}…`;
}
/**
 * Escapes text for a Markdown table cell or paragraph: it renders as the literal characters, on one
 * line, and cannot open HTML, a link, emphasis, a mention or a comment.
 */
function escapeMarkdown(text, max = 120) {
    const flat = truncate(text, max).replace(CONTROL, ' ');
    return flat.replace(MARKDOWN_SPECIAL, (ch) => MARKDOWN_ENTITIES[ch] ?? ch);
}
/**
 * Quotes a value for a one-line message (logs, annotations, errors): JSON quoting makes newlines and
 * control characters visible as escapes, so a value can never start a line of its own.
 */
function quoteValue(value, max = 60) {
    return JSON.stringify(truncate(value, max)).replace(/[\u2028\u2029]/g, ' ');
}

;// CONCATENATED MODULE: ./src/engine/compare/report.ts
// The comparison as people read it: one Markdown document for the pull request comment and the job
// summary. Everything from data or config is escaped; the marker cannot be forged by data, because
// data never reaches the comment unescaped.


/** GitHub refuses a comment longer than 65,536 characters; the report stays below this. */
const MAX_COMMENT_CHARS = 60000;
function commentMarker(pipeline) {
    // The pipeline name is [a-z0-9-]+ (the config checks it), so the marker is always well-formed.
    return `<!-- mlops-actions:compare-to-champion:${pipeline} -->`;
}
const num = (v) => (v === null || !Number.isFinite(v) ? '–' : Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(4));
const signed = (v) => (v === null || !Number.isFinite(v) ? '–' : `${v > 0 ? '+' : ''}${num(v)}`);
const VERDICT = {
    promote: '✅ **promote**: the candidate beats the champion under the gates',
    reject: '❌ **reject**: the candidate does not pass the gates',
    'first-model': '🆕 **first model**: there is no champion yet, and the candidate passes the absolute thresholds',
    'no-change': '⏸️ **no change**: the candidate predicts exactly what the champion predicts, so there is nothing to promote',
};
/** Metric groups drawn on one chart each: one axis never mixes scales (a 0–1 score and an error in units). */
const CHART_GROUPS = [
    { title: 'scores (higher is better)', axis: 'score', metrics: ['accuracy', 'balanced_accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'f1_weighted', 'roc_auc', 'pr_auc'], unitRange: true },
    { title: 'losses (lower is better)', axis: 'loss', metrics: ['log_loss', 'brier'] },
    { title: 'errors in the target\'s units (lower is better)', axis: 'error', metrics: ['rmse', 'mae', 'median_ae'] },
];
function charts(view) {
    const out = [];
    for (const group of CHART_GROUPS) {
        const rows = view.metrics.filter((m) => group.metrics.includes(m.name) && !view.unchartable.includes(m.name) && m.candidate !== null && Number.isFinite(m.candidate));
        if (rows.length === 0)
            continue;
        const values = rows.flatMap((m) => [m.candidate ?? 0, m.champion ?? 0]).filter(Number.isFinite);
        const top = group.unitRange ? 1 : Math.max(...values) * 1.1 || 1;
        const series = (pick) => `[${rows.map((m) => Number((pick(m) ?? 0).toFixed(4))).join(', ')}]`;
        out.push('', '```mermaid', 'xychart-beta', `  title "${view.pipeline}: ${group.title}${view.champion ? ', champion (first bar) and candidate' : ''}"`, `  x-axis [${rows.map((m) => m.name).join(', ')}]`, `  y-axis "${group.axis}" 0 --> ${Number(top.toFixed(4))}`);
        if (view.champion && rows.some((m) => m.champion !== null))
            out.push(`  bar ${series((m) => m.champion)}`);
        out.push(`  bar ${series((m) => m.candidate)}`, '```');
    }
    return out;
}
function render(view, omit) {
    const e = (s, max = 80) => escapeMarkdown(s, max);
    const out = [view.marker, `## mlops · ${e(view.pipeline)}`, '', VERDICT[view.verdict.decision], ''];
    for (const r of view.verdict.reasons)
        out.push(`- ${e(r, 300)}`);
    const rows = view.data.testRows.toLocaleString('en-US');
    const scoredOn = view.champion && view.data.testRows !== view.data.candidateTestRows ? `Scored on the same **${rows}** rows: the test rows of both the champion and the candidate (the candidate alone has ${view.data.candidateTestRows.toLocaleString('en-US')})` : view.champion ? `Scored on the same **${rows}** test rows` : `Scored on **${rows}** test rows`;
    out.push('', `${scoredOn}; primary metric **${e(view.primary)}**.`, '');
    out.push('| Metric | Champion | Candidate | Change | 95% CI of change | Significant? |', '|---|---:|---:|---:|---|---|');
    for (const m of view.metrics) {
        const sig = m.significant === null || m.p === null ? '–' : `${m.significant ? 'yes' : 'no'} (${formatP(m.p)})`;
        const name = `${m.name === view.primary ? '**' : ''}${m.name}${m.lowerIsBetter ? ' ↓' : ''}${m.name === view.primary ? '**' : ''}`;
        out.push(`| ${name} | ${num(m.champion)} | ${num(m.candidate)} | ${signed(m.diff)} | ${m.ci ? `${signed(m.ci[0])} … ${signed(m.ci[1])}` : '–'} | ${sig} |`);
    }
    for (const note of view.notes)
        out.push('', `> ${e(note, 400)}`);
    out.push(...charts(view));
    const shortened = [...omit].map((p) => ({ slices: 'the slices', confusion: 'the confusion matrices', importances: 'the top features' })[p]);
    if (view.confusion && view.classes && !omit.has('confusion')) {
        const matrix = (title, cm) => {
            out.push('', `**${title}** (rows: true, columns: predicted)`, '', `| | ${view.classes.map((c) => e(c, 40)).join(' | ')} |`, `|---|${view.classes.map(() => '---:').join('|')}|`);
            cm.forEach((row, k) => out.push(`| **${e(view.classes[k], 40)}** | ${row.join(' | ')} |`));
        };
        if (view.confusion.champion)
            matrix('Champion', view.confusion.champion);
        matrix('Candidate', view.confusion.candidate);
    }
    if (view.slices.length > 0 && !omit.has('slices')) {
        out.push('', `**Slices** (${e(view.primary)})`, '', '| Column | Value | Rows | Champion | Candidate |', '|---|---|---:|---:|---:|');
        for (const s of view.slices)
            out.push(`| ${e(s.column, 40)} | ${e(s.value, 60)} | ${s.rows} | ${num(s.champion)} | ${num(s.candidate)} |`);
    }
    if (view.importances.length > 0 && !omit.has('importances')) {
        out.push('', '**Top features** (candidate, impurity importance)', '', '| Feature | Importance |', '|---|---:|');
        for (const [name, v] of view.importances)
            out.push(`| ${e(name, 60)} | ${v.toFixed(4)} |`);
    }
    out.push('', '**Data**', '');
    out.push(`- files: ${view.data.files.slice(0, 20).map((f) => `<code>${e(f, 120)}</code>`).join(', ')}${view.data.files.length > 20 ? ` and ${view.data.files.length - 20} more` : ''} (sha256 ${view.data.sha256.slice(0, 12)}…)`);
    out.push(`- labelled rows: ${view.data.labelledRows.toLocaleString('en-US')}${view.data.newRowsSinceChampion === null ? '' : `, ${view.data.newRowsSinceChampion >= 0 ? '+' : ''}${view.data.newRowsSinceChampion.toLocaleString('en-US')} since the champion was trained`}`);
    out.push(`- candidate: <code>${e(view.candidate.path, 120)}</code> (sha256 ${view.candidate.sha256.slice(0, 12)}…)`);
    if (view.champion)
        out.push(`- champion: ${e(view.champion.source, 160)} (sha256 ${view.champion.sha256.slice(0, 12)}…, checksum verified)`);
    if (shortened.length > 0)
        out.push('', `_Shortened to fit a comment: ${shortened.join(', ')} ${shortened.length === 1 ? 'is' : 'are'} left out. The full report is ${e(view.fullReport, 200)}._`);
    if (view.links.run)
        out.push('', `[Workflow run](${view.links.run})${view.links.artifacts ? ` · [artifacts](${view.links.artifacts})` : ''}`);
    return `${out.join('\n')}\n`;
}
/** The whole report, for the job summary and the artifact. */
function renderComparison(view) {
    return render(view, new Set());
}
/**
 * The report for a pull request comment: the whole report when it fits, else without the slices, then
 * the confusion matrices, then the top features, with a line that says where the whole report is.
 */
function renderComment(view, max = MAX_COMMENT_CHARS) {
    const omit = new Set();
    let body = render(view, omit);
    for (const part of ['slices', 'confusion', 'importances']) {
        if (body.length <= max)
            return body;
        omit.add(part);
        body = render(view, omit);
    }
    if (body.length <= max)
        return body;
    // Still too long (hundreds of reasons or files): cut, and keep the pointer to the full report.
    const tail = `\n\n_Cut to fit a comment. The full report is ${escapeMarkdown(view.fullReport, 200)}._\n`;
    return `${body.slice(0, max - tail.length)}${tail}`;
}

;// CONCATENATED MODULE: ./src/engine/forest/rng.ts
// Seeded random streams. Tree k draws only from stream(seed, k), so a tree does not depend on which
// thread trained it or on how many trees came before it.
/** Mixes two integers into a well-spread 32-bit seed (SplitMix32's finaliser). */
function mixSeed(seed, stream) {
    let z = (Math.imul(seed | 0, 0x9e3779b9) ^ Math.imul(stream + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
}
/** mulberry32: small, fast, exact in 32-bit integer arithmetic; good enough for sampling. Returns [0, 1). */
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** The random stream of tree k of a forest seeded with `seed`. */
function stream(seed, k) {
    return mulberry32(mixSeed(seed, k));
}

;// CONCATENATED MODULE: ./src/engine/metrics/classification.ts
// Classification metrics, as scikit-learn defines them (a ratio with a zero denominator is 0).
// `proba` holds K class shares per row (row-major); AUCs and losses read it.
const div = (a, b) => (b === 0 ? 0 : a / b);
/** Area under the ROC curve of scores for a binary truth (ties count half); null with one class. */
function rocAuc(positive, score) {
    const n = score.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[a] - score[b]);
    let pos = 0;
    let rankSum = 0;
    for (let i = 0; i < n;) {
        let j = i;
        while (j + 1 < n && score[order[j + 1]] === score[order[i]])
            j++;
        const midRank = (i + j) / 2 + 1; // average rank of the tie group
        for (let k = i; k <= j; k++)
            if (positive[order[k]]) {
                pos++;
                rankSum += midRank;
            }
        i = j + 1;
    }
    const neg = n - pos;
    if (pos === 0 || neg === 0)
        return null;
    return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
/** Average precision (scikit-learn's average_precision_score): the step-wise area under the PR curve. */
function averagePrecision(positive, score) {
    const n = score.length;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a]);
    let total = 0;
    for (let i = 0; i < n; i++)
        if (positive[i])
            total++;
    if (total === 0)
        return null;
    let tp = 0;
    let fp = 0;
    let ap = 0;
    let lastRecall = 0;
    for (let i = 0; i < n;) {
        let j = i;
        while (j + 1 < n && score[order[j + 1]] === score[order[i]])
            j++;
        for (let k = i; k <= j; k++) {
            if (positive[order[k]])
                tp++;
            else
                fp++;
        }
        const recall = tp / total;
        ap += (recall - lastRecall) * (tp / (tp + fp));
        lastRecall = recall;
        i = j + 1;
    }
    return ap;
}
function classificationMetrics(yTrue, yPred, proba, classes) {
    const K = classes.length;
    const n = yTrue.length;
    const cm = Array.from({ length: K }, () => new Array(K).fill(0));
    for (let i = 0; i < n; i++)
        cm[yTrue[i]][yPred[i]]++;
    // Built from entries: a class may be called "__proto__", which an assignment would turn into a prototype.
    const perClass = [];
    let correct = 0;
    let recallSum = 0;
    let presentClasses = 0;
    let pSum = 0;
    let rSum = 0;
    let fSum = 0;
    let fWeighted = 0;
    // scikit-learn's macro averages run over the labels present in y_true or y_pred of the rows scored:
    // a class that a slice neither holds nor predicts does not count as a zero.
    let labelsPresent = 0;
    for (let k = 0; k < K; k++) {
        const tp = cm[k][k];
        correct += tp;
        const support = cm[k].reduce((a, b) => a + b, 0);
        const predicted = cm.reduce((a, row) => a + row[k], 0);
        const precision = div(tp, predicted);
        const recall = div(tp, support);
        const f1 = div(2 * precision * recall, precision + recall);
        perClass.push([classes[k], { precision, recall, f1, support }]);
        fWeighted += f1 * support;
        if (support > 0 || predicted > 0) {
            labelsPresent++;
            pSum += precision;
            rSum += recall;
            fSum += f1;
        }
        if (support > 0) {
            recallSum += recall;
            presentClasses++;
        }
    }
    const per_class = Object.fromEntries(perClass);
    // Probabilities, clipped as scikit-learn clips them for the log loss.
    const eps = 1e-15;
    let logLoss = 0;
    let brier = 0;
    for (let i = 0; i < n; i++) {
        const t = yTrue[i];
        logLoss -= Math.log(Math.min(1 - eps, Math.max(eps, proba[i * K + t])));
        if (K === 2)
            brier += (proba[i * K + 1] - (t === 1 ? 1 : 0)) ** 2;
        else
            for (let k = 0; k < K; k++)
                brier += (proba[i * K + k] - (t === k ? 1 : 0)) ** 2;
    }
    const columnOf = (k) => Float64Array.from({ length: n }, (_, i) => proba[i * K + k]);
    const truthOf = (k) => Array.from({ length: n }, (_, i) => yTrue[i] === k);
    let roc;
    let pr;
    if (K === 2) {
        roc = rocAuc(truthOf(1), columnOf(1));
        pr = averagePrecision(truthOf(1), columnOf(1));
    }
    else {
        // One-vs-rest, macro: the mean over the classes where it is defined.
        const rocs = classes.map((_, k) => rocAuc(truthOf(k), columnOf(k))).filter((v) => v !== null);
        const prs = classes.map((_, k) => averagePrecision(truthOf(k), columnOf(k))).filter((v) => v !== null);
        roc = rocs.length ? rocs.reduce((a, b) => a + b, 0) / rocs.length : null;
        pr = prs.length ? prs.reduce((a, b) => a + b, 0) / prs.length : null;
    }
    return {
        accuracy: div(correct, n),
        balanced_accuracy: div(recallSum, presentClasses),
        precision_macro: div(pSum, labelsPresent),
        recall_macro: div(rSum, labelsPresent),
        f1_macro: div(fSum, labelsPresent),
        f1_weighted: div(fWeighted, n),
        roc_auc: roc,
        pr_auc: pr,
        log_loss: div(logLoss, n),
        brier: div(brier, n),
        per_class,
        confusion_matrix: cm,
    };
}

;// CONCATENATED MODULE: ./src/engine/metrics/regression.ts
// Regression metrics, as scikit-learn defines them.
function regressionMetrics(yTrue, yPred) {
    const n = yTrue.length;
    let se = 0;
    let ae = 0;
    let ape = 0;
    let mean = 0;
    const abs = new Float64Array(n);
    for (let i = 0; i < n; i++)
        mean += yTrue[i];
    mean /= n || 1;
    let ss = 0;
    for (let i = 0; i < n; i++) {
        const e = yTrue[i] - yPred[i];
        se += e * e;
        abs[i] = Math.abs(e);
        ae += abs[i];
        // scikit-learn's mean_absolute_percentage_error divides by max(|y|, eps).
        ape += abs[i] / Math.max(Math.abs(yTrue[i]), Number.EPSILON);
        ss += (yTrue[i] - mean) ** 2;
    }
    abs.sort();
    const median = n === 0 ? 0 : n % 2 ? abs[(n - 1) / 2] : (abs[n / 2 - 1] + abs[n / 2]) / 2;
    return {
        rmse: Math.sqrt(se / (n || 1)),
        mae: ae / (n || 1),
        r2: ss === 0 ? (se === 0 ? 1 : 0) : 1 - se / ss,
        mape: ape / (n || 1),
        median_ae: median,
    };
}

;// CONCATENATED MODULE: ./src/engine/metrics/evaluate.ts
// Scores predictions: the metrics, their 95% confidence intervals by a seeded bootstrap of the test
// rows, and the metrics per slice. Pure: rows in, numbers out.



/** The scalar metrics of a set of rows (all rows when `rows` is undefined). */
function scalarMetrics(p, rows) {
    const pick = (a, width = 1) => {
        if (!rows)
            return a;
        const out = new Float64Array(rows.length * width);
        for (let i = 0; i < rows.length; i++)
            for (let w = 0; w < width; w++)
                out[i * width + w] = a[rows[i] * width + w];
        return out;
    };
    if (p.task === 'regression')
        return { ...regressionMetrics(pick(p.yTrue), pick(p.yPred)) };
    const m = classificationMetrics(pick(p.yTrue), pick(p.yPred), pick(p.proba, p.classes.length), p.classes);
    const { per_class, confusion_matrix, ...scalars } = m;
    return scalars;
}
function fullMetrics(p) {
    return p.task === 'regression' ? regressionMetrics(p.yTrue, p.yPred) : classificationMetrics(p.yTrue, p.yPred, p.proba, p.classes);
}
/** 95% percentile intervals from `resamples` seeded bootstrap resamples of the rows. */
function bootstrapIntervals(p, resamples, seed) {
    const n = p.yTrue.length;
    const rng = mulberry32(seed);
    const samples = {};
    const rows = new Int32Array(n);
    for (let b = 0; b < resamples; b++) {
        for (let i = 0; i < n; i++)
            rows[i] = Math.floor(rng() * n);
        for (const [name, v] of Object.entries(scalarMetrics(p, rows))) {
            if (v === null || !Number.isFinite(v))
                continue;
            (samples[name] ??= []).push(v);
        }
    }
    const out = {};
    for (const name of Object.keys(scalarMetrics(p))) {
        const s = samples[name];
        if (!s || s.length < resamples / 2) {
            out[name] = null;
            continue;
        }
        s.sort((a, b) => a - b);
        const q = (x) => s[Math.min(s.length - 1, Math.max(0, Math.round(x * (s.length - 1))))];
        out[name] = [q(0.025), q(0.975)];
    }
    return out;
}
/**
 * Rows grouped by a column's value (categories as they are; numbers in quantile bins), in reading
 * order: number bins from low to high, then missing, then categories by name. Sorting the labels as
 * text would put "[10, 20)" before "[3, 10)".
 */
function sliceRows(values, bins) {
    const groups = new Map();
    const numbers = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
    const edges = [];
    if (numbers.length > 0)
        for (let b = 1; b < bins; b++)
            edges.push(numbers[Math.floor((b * numbers.length) / bins)]);
    const uniqueEdges = [...new Set(edges)];
    const binOf = (v) => {
        let b = 0;
        while (b < uniqueEdges.length && v >= uniqueEdges[b])
            b++;
        return b;
    };
    const labelOf = (b) => {
        const lo = b === 0 ? numbers[0] : uniqueEdges[b - 1];
        const hi = b === uniqueEdges.length ? numbers[numbers.length - 1] : uniqueEdges[b];
        return b === uniqueEdges.length ? `[${lo}, ${hi}]` : `[${lo}, ${hi})`;
    };
    const byBin = new Map();
    const missing = [];
    const byCategory = new Map();
    values.forEach((v, i) => {
        if (v === null)
            missing.push(i);
        else if (typeof v === 'number') {
            const b = binOf(v);
            const g = byBin.get(b);
            if (g)
                g.push(i);
            else
                byBin.set(b, [i]);
        }
        else {
            const g = byCategory.get(v);
            if (g)
                g.push(i);
            else
                byCategory.set(v, [i]);
        }
    });
    for (const b of [...byBin.keys()].sort((x, y) => x - y))
        groups.set(labelOf(b), byBin.get(b));
    if (missing.length > 0)
        groups.set('(missing)', missing);
    for (const name of [...byCategory.keys()].sort())
        groups.set(name, byCategory.get(name));
    return groups;
}

;// CONCATENATED MODULE: ./src/engine/compare/significance.ts
// Paired tests on the same rows: McNemar's exact test for accuracy (and error rate), a paired
// bootstrap for every other metric.


/** log C(n, k), summed as logs so that large n does not overflow. */
function logChoose(n, k) {
    let s = 0;
    for (let i = 1; i <= k; i++)
        s += Math.log(n - k + i) - Math.log(i);
    return s;
}
/**
 * McNemar's exact test: b rows only the champion got right, c rows only the candidate got right.
 * Two-sided p = min(1, 2 · P(X <= min(b, c))) with X ~ Binomial(b + c, 1/2).
 */
function mcnemarExact(b, c) {
    const n = b + c;
    if (n === 0)
        return 1;
    const k = Math.min(b, c);
    let tail = 0;
    for (let i = 0; i <= k; i++)
        tail += Math.exp(logChoose(n, i) - n * Math.LN2);
    return Math.min(1, 2 * tail);
}
/**
 * A paired bootstrap of candidate − champion for every scalar metric: both are scored on the same
 * resampled rows. p is twice the smaller share of resamples on either side of zero, each share counted
 * with the usual add-one correction ((k + 1) / (R + 1)): R resamples cannot show a p below about 2/R,
 * so none is reported as 0.
 */
function pairedBootstrap(champion, candidate, resamples, seed) {
    const n = champion.yTrue.length;
    const rng = mulberry32(seed);
    const base = { a: scalarMetrics(champion), b: scalarMetrics(candidate) };
    const diffs = {};
    const rows = new Int32Array(n);
    for (let r = 0; r < resamples; r++) {
        for (let i = 0; i < n; i++)
            rows[i] = Math.floor(rng() * n);
        const a = scalarMetrics(champion, rows);
        const b = scalarMetrics(candidate, rows);
        for (const name of Object.keys(a)) {
            const x = a[name];
            const y = b[name];
            if (x === null || y === null || x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y))
                continue;
            (diffs[name] ??= []).push(y - x);
        }
    }
    const out = {};
    for (const name of Object.keys(base.a)) {
        const x = base.a[name];
        const y = base.b[name];
        const d = diffs[name];
        if (x === null || y === null || x === undefined || y === undefined || !d || d.length === 0)
            continue;
        d.sort((p, q) => p - q);
        const q = (t) => d[Math.min(d.length - 1, Math.max(0, Math.round(t * (d.length - 1))))];
        const below = (d.filter((v) => v <= 0).length + 1) / (d.length + 1);
        const above = (d.filter((v) => v >= 0).length + 1) / (d.length + 1);
        out[name] = { diff: y - x, ci: [q(0.025), q(0.975)], p: Math.min(1, 2 * Math.min(below, above)) };
    }
    return out;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
;// CONCATENATED MODULE: ./src/engine/data/files.ts
// Resolves a data path or glob to the files it names. A path from a pipeline file is data from the
// repository (a pull request can change it), so it must stay inside the repository after every
// symlink is followed: a link to /proc/self/environ or a runner file would otherwise have its values
// quoted into public logs by validation messages. Such a file is refused by name and never read. A
// path the user typed (a flag or an input) is the user's choice and may point anywhere.




const GLOB_CHARS = /[*?[\]{}]/;
/** Whether `abs` is `root` or lies below it (by the path's text; realpath is the caller's). */
function isInside(root, abs) {
    const rel = external_node_path_default().relative(root, abs);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${(external_node_path_default()).sep}`) && !external_node_path_default().isAbsolute(rel));
}
/** How messages name a file: relative to the root when inside it, else its absolute path. */
function displayName(root, abs) {
    return isInside(root, abs) ? external_node_path_default().relative(root, abs).split((external_node_path_default()).sep).join('/') : abs;
}
const exists = (p) => (0,external_node_fs_.lstatSync)(p, { throwIfNoEntry: false }) !== undefined;
/**
 * A path the user typed: from `base` (the current folder), or, when nothing is there, from `fallback`
 * (the repository root), so that a path written as the docs write it works from any sub-folder.
 */
function resolveTyped(base, fallback, typed) {
    const here = external_node_path_default().resolve(base, typed);
    if (external_node_path_default().isAbsolute(typed) || exists(here))
        return here;
    const other = external_node_path_default().resolve(fallback, typed);
    return exists(other) ? other : here;
}
/** The real path of the repository root (it may itself sit behind a symlink, as /tmp does on macOS). */
async function realRoot(root) {
    return (0,promises_.realpath)(root).catch(() => external_node_path_default().resolve(root));
}
/**
 * Checks that `abs` is a readable regular file and, when confined, that its real path is inside the
 * repository; `shown` names it in errors.
 */
async function checkFile(root, abs, shown, what, confine) {
    if (confine && !isInside(root, abs))
        throw new DataFileError(shown, `${what} points outside the repository; paths in a pipeline are relative to the repository root`);
    let link;
    try {
        link = await (0,promises_.lstat)(abs);
    }
    catch (err) {
        throw new DataFileError(shown, `${what} names a file that does not exist (${err.code ?? String(err)})`);
    }
    let real;
    try {
        real = await (0,promises_.realpath)(abs);
    }
    catch {
        throw new DataFileError(shown, `${what} names a symlink whose target does not exist`);
    }
    if (confine && !isInside(await realRoot(root), real)) {
        throw new DataFileError(shown, `${what} is a symlink to a file outside the repository; it is refused and not read`);
    }
    const info = link.isSymbolicLink() ? await (0,promises_.stat)(abs) : link;
    if (info.isDirectory())
        throw new DataFileError(shown, `${what} is a folder, not a file`);
    if (!info.isFile())
        throw new DataFileError(shown, `${what} is not a regular file`);
}
/** `pattern` names files for `what` ("data.train", "the data input"); see ResolveOptions. */
async function resolveDataFiles(root, pattern, what, opts = { base: root, confine: true }) {
    if (!GLOB_CHARS.test(pattern)) {
        const abs = opts.fallbackBase === undefined ? external_node_path_default().resolve(opts.base, pattern) : resolveTyped(opts.base, opts.fallbackBase, pattern);
        await checkFile(root, abs, pattern, what, opts.confine);
        return [{ path: abs, name: displayName(root, abs) }];
    }
    if (opts.confine && !isInside(root, external_node_path_default().resolve(opts.base, pattern.split(/[*?[\]{}]/)[0])))
        throw new DataFileError(pattern, `${what} points outside the repository; paths in a pipeline are relative to the repository root`);
    const found = [];
    let base = opts.base;
    if (opts.fallbackBase !== undefined && !external_node_path_default().isAbsolute(pattern)) {
        // A glob typed in a sub-folder that matches nothing there is read from the root, as for a plain path.
        const first = await (0,promises_.glob)(pattern, { cwd: base })[Symbol.asyncIterator]().next();
        if (first.done)
            base = opts.fallbackBase;
    }
    for await (const entry of (0,promises_.glob)(pattern, { cwd: base })) {
        const abs = external_node_path_default().resolve(base, entry);
        const link = await (0,promises_.lstat)(abs).catch(() => undefined);
        if (!link)
            continue;
        // A folder that the glob also matched is skipped; a file of any other kind is checked, and refused by name.
        if (link.isDirectory())
            continue;
        if (link.isSymbolicLink() && (await (0,promises_.stat)(abs).then((s) => s.isDirectory(), () => false)))
            continue;
        await checkFile(root, abs, displayName(root, abs), `${what} (from the glob ${pattern})`, opts.confine);
        found.push(abs);
    }
    if (found.length === 0)
        throw new DataFileError(pattern, `the glob in ${what} matches no file`);
    // Sorted, so that the row order (and with it every hash and split) does not depend on the file system.
    found.sort();
    return found.map((abs) => ({ path: abs, name: displayName(root, abs) }));
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(38815);
;// CONCATENATED MODULE: ./src/engine/config/spec.ts
// A small declarative schema for hand-written YAML files. Each key carries its description and default,
// so the same object validates a file, fills in defaults and documents the keys (README).



function typeName(spec) {
    switch (spec.kind) {
        case 'string':
            return spec.oneOf ? spec.oneOf.map((v) => (v === '\t' ? '`\\t`' : v)).join(' \\| ') : 'string';
        case 'number':
            return spec.integer ? 'integer' : 'number';
        case 'boolean':
            return 'boolean';
        case 'list':
            return `list of ${typeName(spec.items)}`;
        case 'object':
            return 'mapping';
        case 'map':
            return `mapping of ${spec.keyHint ?? 'name'} to ${typeName(spec.values)}`;
        case 'any-of':
            return spec.hint;
    }
}
/** Flattens a spec into one row per key path, for documentation. */
function documentSpec(fields, prefix = '') {
    const rows = [];
    for (const [key, field] of Object.entries(fields)) {
        const path = prefix ? `${prefix}.${key}` : key;
        rows.push({
            path,
            type: typeName(field.spec),
            required: field.required === true,
            default: field.default ?? (field.required ? '' : '(none)'),
            description: field.description,
        });
        if (field.spec.kind === 'object')
            rows.push(...documentSpec(field.spec.fields, path));
    }
    return rows;
}
/** The most aliases a config may expand, and the deepest it may nest: configs are small and flat. */
const MAX_YAML_ALIASES = 100;
const MAX_YAML_DEPTH = 64;
function depthOf(node, limit) {
    // Iterative, so that a hostile nesting cannot overflow the stack while it is measured.
    let deepest = 0;
    const stack = [[node, 1]];
    while (stack.length > 0) {
        const [n, d] = stack.pop();
        if (d > deepest)
            deepest = d;
        if (deepest > limit)
            return deepest;
        if ((0,dist/* isMap */.jh)(n) || (0,dist/* isSeq */.oP)(n))
            for (const item of n.items)
                stack.push([(0,dist/* isPair */.tO)(item) ? item.value : item, d + 1]);
    }
    return deepest;
}
/** A parsed YAML file that can say on which line a key path sits. */
class YamlSource {
    file;
    value;
    doc;
    lines;
    constructor(file, text) {
        this.file = file;
        this.lines = new dist/* LineCounter */.HN();
        try {
            this.doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
        }
        catch (err) {
            if (err instanceof RangeError)
                throw new ConfigError(file, '', `nested more than ${MAX_YAML_DEPTH} levels deep; a config is never that deep`);
            throw new ConfigError(file, '', `not valid YAML: ${err.message.split('\n')[0]}`);
        }
        const first = this.doc.errors[0];
        if (first && /call stack/i.test(first.message))
            throw new ConfigError(file, '', `nested more than ${MAX_YAML_DEPTH} levels deep; a config is never that deep`);
        if (first) {
            throw new ConfigError(file, '', `not valid YAML: ${first.message.split('\n')[0]}`, this.lines.linePos(first.pos[0]).line);
        }
        if (depthOf(this.doc.contents, MAX_YAML_DEPTH) > MAX_YAML_DEPTH)
            throw new ConfigError(file, '', `nested more than ${MAX_YAML_DEPTH} levels deep; a config is never that deep`);
        try {
            this.value = this.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
        }
        catch (err) {
            // The yaml library refuses an alias bomb (a "billion laughs") here, before it expands.
            throw new ConfigError(file, '', `refused: ${err.message.split('\n')[0]} (at most ${MAX_YAML_ALIASES} alias expansions)`);
        }
    }
    lineOf(path) {
        for (let n = path.length; n >= 0; n--) {
            const node = (n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true));
            if (node && node.range)
                return this.lines.linePos(node.range[0]).line;
        }
        return undefined;
    }
    /** The line of a key itself (not of its value, which for a mapping starts on the next line). */
    keyLineOf(path) {
        const parent = path.length <= 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
        if ((0,dist/* isMap */.jh)(parent)) {
            const pair = parent.items.find((p) => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === String(path[path.length - 1]));
            const key = pair?.key;
            if (key?.range)
                return this.lines.linePos(key.range[0]).line;
        }
        return this.lineOf(path);
    }
    error(path, message) {
        return new ConfigError(this.file, formatPath(path), message, this.lineOf(path));
    }
    /** An error about a key itself (an unknown key), located on the key's line. */
    keyError(path, message) {
        return new ConfigError(this.file, formatPath(path), message, this.keyLineOf(path));
    }
}
function formatPath(path) {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
function describe(value) {
    if (value === null || value === undefined)
        return 'nothing';
    if (typeof value === 'string')
        return quoteValue(value);
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return String(value);
}
/** Checks `value` against `spec`, throwing a ConfigError that names the key path, the line and the value. */
function check(src, spec, value, path) {
    const fail = (msg) => {
        throw src.error(path, msg);
    };
    switch (spec.kind) {
        case 'string': {
            if (typeof value !== 'string')
                fail(`expected a string, got ${describe(value)}`);
            const s = value;
            if (spec.oneOf && !spec.oneOf.includes(s))
                fail(`${quoteValue(s)} is not one of ${spec.oneOf.join(', ')}`);
            if (spec.pattern && !spec.pattern.test(s))
                fail(`${quoteValue(s)} is not ${spec.hint ?? `of the form ${spec.pattern}`}`);
            return;
        }
        case 'number': {
            if (typeof value !== 'number' || !Number.isFinite(value))
                fail(`expected a number, got ${describe(value)}`);
            const n = value;
            if (spec.integer && !Number.isInteger(n))
                fail(`expected a whole number, got ${n}`);
            if (spec.min !== undefined && (spec.exclusiveMin ? n <= spec.min : n < spec.min))
                fail(`${n} is below the minimum ${spec.exclusiveMin ? '(exclusive) ' : ''}${spec.min}`);
            if (spec.max !== undefined && n > spec.max)
                fail(`${n} is above the maximum ${spec.max}`);
            return;
        }
        case 'boolean':
            if (typeof value !== 'boolean')
                fail(`expected true or false, got ${describe(value)}`);
            return;
        case 'list': {
            if (!Array.isArray(value))
                fail(`expected a list, got ${describe(value)}`);
            value.forEach((item, i) => check(src, spec.items, item, [...path, i]));
            return;
        }
        case 'any-of': {
            for (const option of spec.specs) {
                try {
                    check(src, option, value, path);
                    return;
                }
                catch {
                    // try the next form
                }
            }
            fail(`expected ${spec.hint}, got ${describe(value)}`);
            return;
        }
        case 'map': {
            if (typeof value !== 'object' || value === null || Array.isArray(value))
                fail(`expected a mapping, got ${describe(value)}`);
            for (const [k, v] of Object.entries(value))
                check(src, spec.values, v, [...path, k]);
            return;
        }
        case 'object': {
            if (typeof value !== 'object' || value === null || Array.isArray(value))
                fail(`expected a mapping, got ${describe(value)}`);
            const obj = value;
            for (const key of Object.keys(obj)) {
                if (!Object.hasOwn(spec.fields, key)) {
                    const known = Object.keys(spec.fields).join(', ');
                    throw src.keyError([...path, key], `unknown key (known keys here: ${known})`);
                }
            }
            for (const [key, field] of Object.entries(spec.fields)) {
                const v = obj[key];
                if (v === undefined || v === null) {
                    if (field.required)
                        throw src.error(path.length ? path : [], `the key "${formatPath([...path, key])}" is required: ${field.description}`);
                    continue;
                }
                check(src, field.spec, v, [...path, key]);
            }
            return;
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/validation/checks-catalog.ts
// The catalog of validate-data's checks: the one list of their ids, default severities and meanings.
const SEVERITY_LEVELS = ['error', 'warn', 'off'];
const CHECKS = [
    { id: 'parse', severity: 'error', description: 'The file is well-formed CSV: not empty, UTF-8, no ragged rows or unclosed quotes, unique non-empty column names.' },
    { id: 'min_rows', severity: 'error', description: 'At least `validation.min_rows` rows.' },
    { id: 'missing_column', severity: 'error', description: 'Every column of the schema (and the target) is present.' },
    { id: 'unexpected_column', severity: 'warn', description: 'No column that the schema does not know.' },
    { id: 'type', severity: 'error', description: 'Every value has its column\'s type (declared, or inferred from the training data).' },
    { id: 'decimal_comma', severity: 'warn', description: 'No column that looks numeric with decimal commas (`64,5`) is read as categories; set `data.decimal: ","` to read such numbers.' },
    { id: 'range', severity: 'warn', description: 'Numbers lie within the declared range (or the training data\'s range, when new data is checked).' },
    { id: 'new_category', severity: 'warn', description: 'No category that the schema (or the training data) has never seen.' },
    { id: 'missing_rate', severity: 'error', description: 'No column has more missing values than its limit.' },
    { id: 'label_missing', severity: 'error', description: 'Every row has a label.' },
    { id: 'label_classes', severity: 'error', description: 'Classification: at least two classes. Regression: the label is numeric.' },
    { id: 'class_size', severity: 'error', description: 'Classification: every class has at least `validation.min_class_rows` rows.' },
    { id: 'duplicate_rows', severity: 'warn', description: 'No row repeats an earlier row exactly.' },
    { id: 'conflicting_labels', severity: 'warn', description: 'No two rows have equal features but different labels.' },
    { id: 'constant_column', severity: 'warn', description: 'No feature holds a single value.' },
    { id: 'leakage', severity: 'error', description: 'No test row also appears in the training data (needs `data.test` or the `test-data` input).' },
];

;// CONCATENATED MODULE: ./src/engine/config/pipeline.ts
// The pipeline file: one per model. The spec below is the single definition of its keys: it validates
// the file, and the README's key table is checked against it.







const CLASSIFICATION_METRICS = ['accuracy', 'balanced_accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'f1_weighted', 'roc_auc', 'pr_auc', 'log_loss', 'brier'];
const REGRESSION_METRICS = ['rmse', 'mae', 'r2', 'mape', 'median_ae'];
const PATH_HINT = 'a path relative to the repository root';
const repoPath = { kind: 'string', pattern: /^(?![\\/])(?![A-Za-z]:)\S.*$/, hint: PATH_HINT };
const DEFAULT_MISSING = ['', 'NA', 'NaN', 'null'];
const MODEL_FIELDS = {
    trees: { spec: { kind: 'number', integer: true, min: 1, max: 10000 }, default: '`100`', description: 'The number of trees.' },
    max_depth: { spec: { kind: 'number', integer: true, min: 1 }, default: 'unlimited', description: 'The deepest a tree may grow.' },
    min_samples_leaf: { spec: { kind: 'number', integer: true, min: 1 }, default: '`1`', description: 'The fewest (bootstrap-weighted) rows a leaf may hold.' },
    max_features: {
        spec: { kind: 'any-of', hint: '`sqrt`, `log2`, a fraction in (0, 1] or a whole count', specs: [{ kind: 'string', oneOf: ['sqrt', 'log2'] }, { kind: 'number', min: 0, exclusiveMin: true }] },
        default: '`sqrt` (classification), `1.0` (regression)',
        description: 'Features examined at each split.',
    },
    bootstrap: { spec: { kind: 'boolean' }, default: '`true`', description: 'Train each tree on a bootstrap sample of the rows.' },
    seed: { spec: { kind: 'number', integer: true, min: 0, max: 4294967295 }, default: '`42`', description: 'The forest\'s seed: the same data, config and seed give a byte-identical model.' },
};
const PIPELINE_FIELDS = {
    name: { spec: { kind: 'string', pattern: /^[a-z0-9-]+$/, hint: 'made of a-z, 0-9 and -' }, required: true, description: 'The model\'s name; names its registry entry, releases and reports.' },
    task: { spec: { kind: 'string', oneOf: ['classification', 'regression'] }, required: true, description: 'What the model predicts: a class or a number.' },
    target: { spec: { kind: 'string' }, required: true, description: 'The label column.' },
    id: { spec: { kind: 'string' }, description: 'A column that names each row; never a feature. Row-level reports name it.' },
    data: {
        required: true,
        description: 'Where the data is.',
        spec: {
            kind: 'object',
            fields: {
                train: { spec: repoPath, required: true, description: 'A CSV path or glob (`*`, `**`, `?`) relative to the repository root. Several files must share one header.' },
                test: { spec: repoPath, description: 'A held-out CSV path or glob; enables the leakage check.' },
                missing: { spec: { kind: 'list', items: { kind: 'string' } }, default: '`["", "NA", "NaN", "null"]`', description: 'Cell values that mean "missing" (compared after unquoting).' },
                delimiter: { spec: { kind: 'string', oneOf: [',', ';', '\t', 'tab'] }, default: 'detected from the header', description: 'The field delimiter: `,`, `;` or `tab`.' },
                decimal: { spec: { kind: 'string', oneOf: ['.', ','] }, default: '`.`', description: 'The decimal mark: `,` reads `64,5` as 64.5 (for `;`- or tab-delimited files, as spreadsheets in many locales write them).' },
            },
        },
    },
    schema: { spec: repoPath, default: '`<name>.schema.yml` beside the pipeline file, when it exists', description: 'A data schema file (written by `mlops schema infer`): declared column types, ranges, categories and missing-value limits.' },
    features: {
        description: 'Which columns are features.',
        default: 'every column but the target and the id',
        spec: {
            kind: 'object',
            fields: {
                exclude: { spec: { kind: 'list', items: { kind: 'string' } }, default: '`[]`', description: 'Columns that are not features.' },
                one_hot_max_levels: { spec: { kind: 'number', integer: true, min: 1 }, default: '`10`', description: 'A categorical column with at most this many levels is one-hot encoded; above it, ordinal codes.' },
                text_width: { spec: { kind: 'number', integer: true, min: 1, max: 65536 }, default: '`256`', description: 'Text columns: the number of hashed bag-of-words buckets.' },
                ngrams: { spec: { kind: 'number', integer: true, min: 1, max: 3 }, default: '`2`', description: 'Text columns: word n-grams from 1 up to this.' },
            },
        },
    },
    split: {
        description: 'How rows are split into train and test.',
        spec: {
            kind: 'object',
            fields: {
                test_fraction: { spec: { kind: 'number', min: 0, max: 1, exclusiveMin: true }, default: '`0.2`', description: 'The share of rows that go to test. A row\'s side depends only on its key (the id, or its content) and the seed, so adding rows never moves an old row.' },
                seed: { spec: { kind: 'number', integer: true, min: 0, max: 4294967295 }, default: '`42`', description: 'The split\'s seed.' },
                stratify: { spec: { kind: 'string' }, description: 'A column whose per-value test shares are checked and recorded; a value with no test row, or a share more than 10 points off, is reported. (Forcing exact shares would move old rows.)' },
                key: { spec: { kind: 'list', items: { kind: 'string' } }, default: 'the id, else every column of the training data', description: 'The columns whose values decide a row\'s side. The package records them, so adding, dropping or reordering other columns never moves a row. Without an id, name the columns that identify a row here, so that a new column does not reshuffle the split.' },
            },
        },
    },
    model: { description: 'The random forest\'s parameters (the train action\'s `params` input overrides them).', spec: { kind: 'object', fields: MODEL_FIELDS } },
    evaluation: {
        description: 'How evaluate scores a model.',
        spec: {
            kind: 'object',
            fields: {
                slices: { spec: { kind: 'list', items: { kind: 'string' } }, default: '`[]`', description: 'Columns to report metrics by: categories as they are, numbers in quantile bins.' },
                slice_bins: { spec: { kind: 'number', integer: true, min: 2, max: 20 }, default: '`4`', description: 'Quantile bins for a numeric slice column.' },
                bootstrap: { spec: { kind: 'number', integer: true, min: 0, max: 100000 }, default: '`1000`', description: 'Bootstrap resamples of the test rows for the 95% confidence intervals (0: none).' },
                seed: { spec: { kind: 'number', integer: true, min: 0, max: 4294967295 }, default: '`42`', description: 'The bootstrap\'s seed.' },
            },
        },
    },
    gates: {
        description: 'When compare-to-champion promotes a candidate (MLflow\'s threshold semantics).',
        spec: {
            kind: 'object',
            fields: {
                primary: { spec: { kind: 'string' }, default: '`accuracy` (classification), `rmse` (regression)', description: 'The metric whose paired test decides: it must not be significantly worse.' },
                require_significant_gain: { spec: { kind: 'boolean' }, default: '`false`', description: 'Also require the primary metric to be significantly better.' },
                alpha: { spec: { kind: 'number', min: 0, max: 1, exclusiveMin: true }, default: '`0.05`', description: 'The significance level of the paired tests.' },
                min_compared_rows: { spec: { kind: 'number', integer: true, min: 1 }, default: '`30`', description: 'The fewest labelled rows that are test rows under both the champion\'s and the candidate\'s split; with fewer, the candidate is rejected (no decision on too little evidence).' },
                metrics: {
                    spec: {
                        kind: 'map',
                        keyHint: 'metric',
                        values: {
                            kind: 'object',
                            fields: {
                                threshold: { spec: { kind: 'number' }, description: 'A floor (a ceiling when lower is better).' },
                                min_absolute_change: { spec: { kind: 'number', min: 0 }, description: 'The least improvement over the champion.' },
                                min_relative_change: { spec: { kind: 'number', min: 0 }, description: 'The least improvement over the champion, as a share of its value.' },
                                max_regression: { spec: { kind: 'number', min: 0 }, description: 'The most the candidate may be worse than the champion.' },
                            },
                        },
                    },
                    default: '`{}`',
                    description: 'Per metric: `threshold`, `min_absolute_change`, `min_relative_change`, `max_regression`.',
                },
            },
        },
    },
    validation: {
        description: 'The data checks of validate-data.',
        spec: {
            kind: 'object',
            fields: {
                min_rows: { spec: { kind: 'number', integer: true, min: 1 }, default: '`20`', description: 'Fewer rows than this fail the `min_rows` check.' },
                min_class_rows: { spec: { kind: 'number', integer: true, min: 1 }, default: '`5`', description: 'Classification: each class needs at least this many rows.' },
                max_missing_rate: { spec: { kind: 'number', min: 0, max: 1 }, default: '`0.5`', description: 'The largest share of missing values a column may have (the schema file can set it per column).' },
                severity: {
                    spec: { kind: 'map', keyHint: 'check', values: { kind: 'string', oneOf: SEVERITY_LEVELS } },
                    default: 'see the checks table',
                    description: 'Per check: `error` (fails validation), `warn` (reported only) or `off`.',
                },
            },
        },
    },
};
/** Resolves a repository-relative path, refusing anything that lands outside the repository. */
function resolveInRepo(root, relative, describeKey) {
    const abs = external_node_path_default().resolve(root, relative);
    if (!isInside(root, abs))
        throw describeKey();
    return abs;
}
/** Model parameters from the raw `model:` mapping, with defaults. */
function modelParams(raw) {
    return {
        trees: raw?.trees ?? 100,
        maxDepth: raw?.max_depth,
        minSamplesLeaf: raw?.min_samples_leaf ?? 1,
        maxFeatures: raw?.max_features,
        bootstrap: raw?.bootstrap ?? true,
        seed: raw?.seed ?? 42,
    };
}
/**
 * Parses and validates pipeline text. `file` is how errors name it; `root` anchors every relative path.
 * `conventionSchema` is the schema file found beside the pipeline by name, used when `schema` is absent.
 */
function parsePipeline(file, text, root, conventionSchema) {
    const bytes = typeof text === 'string' ? Buffer.from(text) : text;
    if (bytes.length > MAX_CONFIG_BYTES)
        throw new ConfigError(file, '', `the file is ${bytes.length.toLocaleString('en-US')} bytes; a pipeline file may have at most ${MAX_CONFIG_BYTES.toLocaleString('en-US')}`);
    const src = new YamlSource(file, Buffer.from(bytes).toString('utf8'));
    check(src, { kind: 'object', fields: PIPELINE_FIELDS }, src.value, []);
    const raw = src.value;
    const outside = (keyPath, value) => () => src.error(keyPath, `${JSON.stringify(value)} is outside the repository; paths are relative to the repository root`);
    for (const key of ['train', 'test']) {
        const p = raw.data[key];
        if (p !== undefined)
            resolveInRepo(root, p, outside(['data', key], p));
    }
    if (raw.schema !== undefined)
        resolveInRepo(root, raw.schema, outside(['schema'], raw.schema));
    const severity = Object.fromEntries(CHECKS.map((c) => [c.id, c.severity]));
    for (const [id, level] of Object.entries(raw.validation?.severity ?? {})) {
        if (!Object.hasOwn(severity, id)) {
            throw src.keyError(['validation', 'severity', id], `unknown check (known checks: ${CHECKS.map((c) => c.id).join(', ')})`);
        }
        severity[id] = level;
    }
    const excluded = raw.features?.exclude ?? [];
    if (excluded.includes(raw.target))
        throw src.error(['features', 'exclude'], `the target ${JSON.stringify(raw.target)} cannot be excluded`);
    if (raw.id !== undefined && raw.id === raw.target)
        throw src.error(['id'], `the id column cannot be the target ${JSON.stringify(raw.target)}`);
    checkModelValues(src, raw.model, ['model']);
    const known = raw.task === 'classification' ? CLASSIFICATION_METRICS : REGRESSION_METRICS;
    for (const name of [...Object.keys(raw.gates?.metrics ?? {}), ...(raw.gates?.primary === undefined ? [] : [raw.gates.primary])]) {
        if (!known.includes(name)) {
            const message = `${JSON.stringify(name)} is not a ${raw.task} metric (known: ${known.join(', ')})`;
            throw raw.gates?.primary === name ? src.error(['gates', 'primary'], message) : src.keyError(['gates', 'metrics', name], message);
        }
    }
    if (raw.split?.test_fraction !== undefined && raw.split.test_fraction >= 1)
        throw src.error(['split', 'test_fraction'], `${raw.split.test_fraction} leaves no training rows; use a share below 1`);
    if (raw.split?.key !== undefined && raw.split.key.length === 0)
        throw src.error(['split', 'key'], 'an empty list; name at least one column, or leave the key out');
    const delimiter = raw.data.delimiter === 'tab' ? '\t' : raw.data.delimiter;
    const decimal = raw.data.decimal ?? '.';
    if (decimal === ',' && delimiter === ',')
        throw src.error(['data', 'decimal'], 'a decimal comma needs another delimiter; set data.delimiter to ";" or tab');
    const schema = raw.schema ?? conventionSchema;
    return {
        file,
        root,
        digest: sha256Hex(bytes),
        name: raw.name,
        task: raw.task,
        target: raw.target,
        id: raw.id,
        data: { train: raw.data.train, test: raw.data.test, missing: raw.data.missing ?? DEFAULT_MISSING, delimiter, decimal },
        schema,
        schemaSource: raw.schema !== undefined ? 'key' : conventionSchema !== undefined ? 'convention' : 'none',
        features: { exclude: excluded, oneHotMaxLevels: raw.features?.one_hot_max_levels ?? 10, textWidth: raw.features?.text_width ?? 256, ngrams: raw.features?.ngrams ?? 2 },
        split: { testFraction: raw.split?.test_fraction ?? 0.2, seed: raw.split?.seed ?? 42, stratify: raw.split?.stratify, key: raw.split?.key },
        model: modelParams(raw.model),
        gates: {
            primary: raw.gates?.primary ?? (raw.task === 'classification' ? 'accuracy' : 'rmse'),
            requireSignificantGain: raw.gates?.require_significant_gain ?? false,
            alpha: raw.gates?.alpha ?? 0.05,
            minComparedRows: raw.gates?.min_compared_rows ?? 30,
            metrics: raw.gates?.metrics ?? {},
        },
        evaluation: { slices: raw.evaluation?.slices ?? [], sliceBins: raw.evaluation?.slice_bins ?? 4, bootstrap: raw.evaluation?.bootstrap ?? 1000, seed: raw.evaluation?.seed ?? 42 },
        validation: {
            minRows: raw.validation?.min_rows ?? 20,
            minClassRows: raw.validation?.min_class_rows ?? 5,
            maxMissingRate: raw.validation?.max_missing_rate ?? 0.5,
            severity,
        },
    };
}
function checkModelValues(src, model, at) {
    const mf = model?.max_features;
    if (typeof mf === 'number' && mf > 1 && !Number.isInteger(mf))
        throw src.error([...at, 'max_features'], `${mf} is neither a fraction in (0, 1] nor a whole count`);
}
/** Applies the `params` input (a JSON object of model: keys) over the pipeline's model parameters. */
function applyParams(base, json, inputName = 'params') {
    const src = new YamlSource(`input "${inputName}"`, json);
    if (typeof src.value !== 'object' || src.value === null || Array.isArray(src.value))
        throw src.error([], `expected a JSON object such as {"trees": 200}, got ${JSON.stringify(json.slice(0, 40))}`);
    check(src, { kind: 'object', fields: MODEL_FIELDS }, src.value, []);
    checkModelValues(src, src.value, []);
    const o = src.value;
    return {
        trees: o.trees ?? base.trees,
        maxDepth: o.max_depth ?? base.maxDepth,
        minSamplesLeaf: o.min_samples_leaf ?? base.minSamplesLeaf,
        maxFeatures: o.max_features ?? base.maxFeatures,
        bootstrap: o.bootstrap ?? base.bootstrap,
        seed: o.seed ?? base.seed,
    };
}
/** A pipeline file's largest size: it is a hand-written config, and parsing it must stay cheap. */
const MAX_CONFIG_BYTES = 1 << 20;
/** The conventional schema of a pipeline: `<name>.schema.yml` beside the pipeline file. */
function conventionSchemaPath(pipelineRel, name) {
    const dir = external_node_path_default().posix.dirname(pipelineRel.split((external_node_path_default()).sep).join('/'));
    return dir === '.' ? `${name}.schema.yml` : `${dir}/${name}.schema.yml`;
}
/**
 * Reads a pipeline file. `file` is as the user typed it, resolved against `base` (the current folder;
 * the root by default); paths inside the file are relative to `root`.
 */
async function loadPipeline(file, root, base = root) {
    // From a sub-folder, a path typed as the docs show it (relative to the root) still finds the file.
    const abs = resolveTyped(base, root, file);
    const info = await (0,promises_.stat)(abs).catch((err) => {
        throw new UserError(`${file}: cannot read the pipeline file (${err.code ?? String(err)})`);
    });
    if (!info.isFile())
        throw new UserError(`${file}: cannot read the pipeline file (it is not a file)`);
    if (info.size > MAX_CONFIG_BYTES)
        throw new ConfigError(file, '', `the file is ${info.size.toLocaleString('en-US')} bytes; a pipeline file may have at most ${MAX_CONFIG_BYTES.toLocaleString('en-US')}`);
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(abs);
    }
    catch (err) {
        throw new UserError(`${file}: cannot read the pipeline file (${err.code ?? String(err)})`);
    }
    const inRepo = isInside(root, abs);
    const shown = inRepo ? displayName(root, abs) : file;
    // Only for the convention's lookup: the name must be known before the whole file is checked.
    const name = /^name:\s*["']?([a-z0-9-]+)["']?\s*(?:#.*)?$/m.exec(Buffer.from(bytes).toString('utf8'))?.[1];
    let convention;
    if (name !== undefined && inRepo) {
        const candidate = conventionSchemaPath(shown, name);
        if (await (0,promises_.stat)(external_node_path_default().join(root, candidate)).then((s) => s.isFile(), () => false))
            convention = candidate;
    }
    return parsePipeline(shown, bytes, root, convention);
}

;// CONCATENATED MODULE: ./src/engine/data/table.ts
// The in-memory form of a data set: typed columns, never row objects (rows as JS objects cost about 7x
// the memory). Numbers live in Float64Array with NaN for missing; strings are dictionary-encoded.
const COLUMN_TYPES = ['integer', 'number', 'boolean', 'categorical', 'text'];
function isNumericType(type) {
    return type === 'integer' || type === 'number';
}
const indexes = new WeakMap();
/** A column by name, through an index built once per table (a file may have 100,000 columns). */
function columnByName(table, name) {
    let index = indexes.get(table.columns);
    if (!index)
        indexes.set(table.columns, (index = new Map(table.columns.map((c) => [c.name, c]))));
    return index.get(name);
}
/** Where a row came from, for messages and annotations. */
function rowOrigin(table, row) {
    return { file: table.files[table.fileIndex[row]], line: table.line[row] };
}
/** The value of one cell as text ('' when missing), for messages and hashing across tables. */
function cellText(column, row) {
    if (column.kind === 'numeric') {
        const v = column.values[row];
        if (Number.isNaN(v))
            return column.invalid.find((c) => c.row === row)?.value ?? '';
        return String(v);
    }
    const code = column.codes[row];
    return code < 0 ? '' : column.levels[code];
}
/** A new table holding only `rows` (in that order), with the same columns and origins. */
function subsetTable(table, rows) {
    const n = rows.length;
    const pick = (a) => {
        const out = new a.constructor(n);
        for (let i = 0; i < n; i++)
            out[i] = a[rows[i]];
        return out;
    };
    const columns = table.columns.map((c) => {
        if (c.kind === 'categorical')
            return { ...c, codes: pick(c.codes) };
        if (c.invalid.length === 0)
            return { ...c, values: pick(c.values) };
        const position = new Map();
        for (let i = 0; i < n; i++)
            position.set(rows[i], i);
        const invalid = c.invalid.filter((cell) => position.has(cell.row)).map((cell) => ({ row: position.get(cell.row), value: cell.value }));
        return { ...c, values: pick(c.values), invalid };
    });
    return { ...table, columns, rowCount: n, fileIndex: pick(table.fileIndex), line: pick(table.line) };
}
/** A cell as a number (numeric columns), its text (categorical), or null when missing: for grouping. */
function cellValue(col, row) {
    if (col.kind === 'numeric')
        return col.values[row] === col.values[row] ? col.values[row] : null;
    return col.codes[row] < 0 ? null : col.levels[col.codes[row]];
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(38522);
// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __nccwpck_require__(42463);
var ajv_default = /*#__PURE__*/__nccwpck_require__.n(ajv);
;// CONCATENATED MODULE: ./src/engine/model/package-schema.ts
// The shape of a model package, checked whole before anything reads it: a JSON Schema (ajv) for the
// keys and types, then the consistency that a schema cannot say (the forest's trees against the
// encoding and the classes). Every failure names the file and the key. The trees are walked with an
// explicit stack, so a deep or hostile tree cannot overflow the call stack.


// ajv is CommonJS: under ESM its class sits on the default export's `default`.
const Ajv = ((ajv_default())["default"] ?? (ajv_default()));
const str = { type: 'string' };
const package_schema_int = (minimum = 0) => ({ type: 'integer', minimum });
const nullable = (schema) => ({ anyOf: [schema, { type: 'null' }] });
const numbers = { type: 'object', additionalProperties: { type: 'number' } };
const strings = { type: 'array', items: str };
const ENCODED_COLUMN = {
    type: 'object',
    required: ['name', 'kind'],
    properties: { name: str, kind: { enum: ['numeric', 'boolean', 'one-hot', 'ordinal', 'hashed-text'] } },
    allOf: [
        { if: { properties: { kind: { const: 'boolean' } } }, then: { required: ['trueLevel'], properties: { trueLevel: str } } },
        { if: { properties: { kind: { enum: ['one-hot', 'ordinal'] } } }, then: { required: ['levels'], properties: { levels: strings } } },
        { if: { properties: { kind: { const: 'hashed-text' } } }, then: { required: ['width', 'ngrams', 'seed'], properties: { width: package_schema_int(1), ngrams: package_schema_int(1), seed: package_schema_int() } } },
    ],
};
const PACKAGE_SCHEMA = {
    type: 'object',
    required: ['format', 'format_version', 'pipeline', 'task', 'target', 'id', 'encoding', 'schema', 'params', 'split', 'provenance', 'rows', 'oob_score', 'feature_importance', 'profile', 'forest'],
    properties: {
        pipeline: { type: 'string', pattern: '^[a-z0-9-]+$' },
        task: { enum: ['classification', 'regression'] },
        target: { type: 'object', required: ['name', 'classes'], properties: { name: str, classes: nullable({ type: 'array', items: str, minItems: 2 }) } },
        id: nullable(str),
        encoding: { type: 'object', required: ['columns', 'features'], properties: { columns: { type: 'array', minItems: 1, items: ENCODED_COLUMN }, features: strings } },
        schema: { type: 'object', required: ['columns'], properties: { columns: { type: 'object', additionalProperties: { type: 'object', required: ['type'], properties: { type: { enum: ['integer', 'number', 'boolean', 'categorical', 'text'] } } } } } },
        params: {
            type: 'object',
            required: ['trees', 'max_depth', 'min_samples_leaf', 'max_features', 'bootstrap', 'seed'],
            properties: { trees: package_schema_int(1), max_depth: nullable(package_schema_int(1)), min_samples_leaf: package_schema_int(1), max_features: { anyOf: [{ enum: ['sqrt', 'log2'] }, { type: 'number', exclusiveMinimum: 0 }] }, bootstrap: { type: 'boolean' }, seed: package_schema_int() },
        },
        split: {
            type: 'object',
            required: ['test_fraction', 'seed', 'key_columns', 'stratify', 'stratify_test_shares'],
            properties: { test_fraction: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, seed: package_schema_int(), key_columns: { type: 'array', items: str, minItems: 1 }, stratify: nullable(str), stratify_test_shares: nullable(numbers) },
        },
        provenance: {
            type: 'object',
            required: ['data_sha256', 'data_files', 'config_sha256', 'commit', 'created_at', 'tool'],
            properties: { data_sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, data_files: strings, config_sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' }, commit: nullable(str), created_at: nullable(str), tool: str },
        },
        rows: { type: 'object', required: ['total', 'labelled', 'train', 'test'], properties: { total: package_schema_int(), labelled: package_schema_int(), train: package_schema_int(1), test: package_schema_int() } },
        oob_score: nullable({ type: 'number' }),
        feature_importance: numbers,
        profile: { type: 'object', additionalProperties: { type: 'object' } },
        examples: { type: 'object', required: ['rows', 'predictions'], properties: { rows: { type: 'array', items: { type: 'object' } }, predictions: { type: 'array', items: { type: ['string', 'number'] } } } },
        forest: {
            type: 'object',
            required: ['name', 'baseModel'],
            properties: {
                name: { enum: ['RFClassifier', 'RFRegression'] },
                baseModel: { type: 'object', required: ['estimators', 'nEstimators'], properties: { nEstimators: package_schema_int(1), estimators: { type: 'array', minItems: 1, items: { type: 'object', required: ['root'], properties: { root: { type: 'object' } } } } } },
            },
        },
    },
};
let validator;
function where(error) {
    const key = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    const missing = error.keyword === 'required' ? error.params.missingProperty : undefined;
    const path = [...key, ...(missing ? [missing] : [])];
    return path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(the top level)';
}
/** Checks the package's shape; throws a ModelFormatError naming the file and the key. */
function checkPackageShape(file, value) {
    validator ??= new Ajv({ allErrors: false, strict: false }).compile(PACKAGE_SCHEMA);
    if (!validator(value)) {
        const e = validator.errors[0];
        const key = where(e);
        const message = e.keyword === 'required' ? 'is missing' : e.keyword === 'if' ? 'does not fit its kind' : (e.message ?? 'is not valid');
        throw new ModelFormatError(file, `the key "${key}" ${message}; the package is damaged or was not written by mlops-actions`);
    }
    const pkg = value;
    const fail = (key, message) => {
        throw new ModelFormatError(file, `the key "${key}" ${message}; the package is damaged or was not written by mlops-actions`);
    };
    const classification = pkg.task === 'classification';
    if (pkg.forest.name !== (classification ? 'RFClassifier' : 'RFRegression'))
        fail('forest.name', `is ${JSON.stringify(pkg.forest.name)}, which does not fit a ${pkg.task} model`);
    if (classification !== (pkg.target.classes !== null))
        fail('target.classes', classification ? 'must list the classes of a classification model' : 'must be null for a regression model');
    const width = pkg.encoding.columns.reduce((n, c) => n + (c.kind === 'one-hot' ? (c.levels?.length ?? 0) : c.kind === 'hashed-text' ? (c.width ?? 0) : 1), 0);
    if (width !== pkg.encoding.features.length)
        fail('encoding.features', `lists ${pkg.encoding.features.length} features, but the encoded columns make ${width}`);
    const classes = pkg.target.classes?.length ?? 0;
    pkg.forest.baseModel.estimators.forEach(({ root }, t) => {
        const tree = `forest.baseModel.estimators[${t}].root`;
        const stack = [[root, 0]];
        let nodes = 0;
        while (stack.length > 0) {
            const [n, depth] = stack.pop();
            const at = depth === 0 ? tree : `${tree} (a node at depth ${depth})`;
            if (++nodes > 1e8)
                fail(tree, 'has more than 100,000,000 nodes');
            if (typeof n !== 'object' || n === null || Array.isArray(n))
                fail(at, 'is not a tree node');
            const node = n;
            if (node.distribution !== undefined) {
                const d = node.distribution;
                const ok = classification ? Array.isArray(d) && Array.isArray(d[0]) && d[0].length === classes && d[0].every((v) => typeof v === 'number' && Number.isFinite(v)) : typeof d === 'number' && Number.isFinite(d);
                if (!ok)
                    fail(at, classification ? `has a distribution that is not [[${classes} class shares]]` : 'has a distribution that is not a finite number');
                continue;
            }
            if (!Number.isInteger(node.splitColumn) || node.splitColumn < 0 || node.splitColumn >= width)
                fail(at, `has a splitColumn that is not a feature index from 0 to ${width - 1}`);
            if (typeof node.splitValue !== 'number' || !Number.isFinite(node.splitValue))
                fail(at, 'has a splitValue that is not a finite number');
            stack.push([node.left, depth + 1], [node.right, depth + 1]);
        }
    });
}

;// CONCATENATED MODULE: ./src/engine/model/package.ts
// The model package: one JSON file (gzipped when its name ends in .gz) that holds everything needed to
// use, trust and reproduce a model. Its bytes depend only on the data, the config, the code and the
// seed: no clock, no machine, no thread count.




const MODEL_FORMAT = 'mlops-model';
/** 2: the split records its key columns (version 1 packages keyed rows by every cell, and cannot be trusted to find their own test rows). */
const MODEL_FORMAT_VERSION = 2;
/** The largest package read as JSON (V8 cannot hold a longer string), and the most a gzip may inflate. */
const MAX_PACKAGE_JSON_BYTES = 512 * 1024 * 1024;
/** A gzip may inflate at most this many times its own size (JSON packages compress about 10–15×). */
const MAX_GZIP_RATIO = 200;
/** The package's bytes: compact JSON with a final newline, gzipped (without a timestamp) if asked. */
function serializeModel(pkg, gzip) {
    const json = Buffer.from(`${JSON.stringify(pkg)}\n`);
    return gzip ? (0,external_node_zlib_.gzipSync)(json, { level: 9 }) : json;
}
function isGzip(bytes) {
    return bytes[0] === 0x1f && bytes[1] === 0x8b;
}
/** Inflates a gzip, refusing (fast, with bounded memory) one that would grow past its limit. */
function gunzipLimited(file, bytes) {
    const limit = Math.min(MAX_PACKAGE_JSON_BYTES, Math.max(64 * 1024 * 1024, bytes.length * MAX_GZIP_RATIO));
    try {
        return (0,external_node_zlib_.gunzipSync)(bytes, { maxOutputLength: limit });
    }
    catch (err) {
        const code = err.code;
        if (code === 'ERR_BUFFER_TOO_LARGE')
            throw new ModelFormatError(file, `refused: the gzip inflates past ${limit.toLocaleString('en-US')} bytes (the limit for ${bytes.length.toLocaleString('en-US')} compressed bytes); it is not a model package`);
        throw new ModelFormatError(file, `the gzip data is truncated or damaged (${err.message})`);
    }
}
/**
 * Parses and checks a package's bytes; `file` names it in errors. Column names are data, so any name
 * is allowed (`constructor`, `__proto__`): JSON.parse makes them own properties, never prototypes, and
 * the code reads name-keyed records through Object.hasOwn or Maps.
 */
function parseModel(file, bytes) {
    if (bytes.length === 0)
        throw new ModelFormatError(file, 'the file is empty; it is not a model package');
    const raw = isGzip(bytes) ? gunzipLimited(file, bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    if (raw.length > MAX_PACKAGE_JSON_BYTES)
        throw new ModelFormatError(file, `the package is ${raw.length.toLocaleString('en-US')} bytes of JSON; at most ${MAX_PACKAGE_JSON_BYTES.toLocaleString('en-US')} can be read (gzip it: name it .json.gz)`);
    let value;
    try {
        value = JSON.parse(raw.toString('utf8'));
    }
    catch (err) {
        const message = err.message;
        if (/end of JSON input|Unterminated|after property value|after array element/i.test(message))
            throw new ModelFormatError(file, `not a complete JSON document (truncated?): ${message}`);
        throw new ModelFormatError(file, `not JSON, so not a model package: ${message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new ModelFormatError(file, 'not a model package (expected a JSON object)');
    const head = value;
    if (head.format !== MODEL_FORMAT)
        throw new ModelFormatError(file, `unknown format ${JSON.stringify(head.format ?? null)}; expected "${MODEL_FORMAT}"`);
    if (head.format_version !== MODEL_FORMAT_VERSION) {
        const hint = head.format_version === 1 ? ' (a package from an older mlops-actions; train it again)' : '';
        throw new ModelFormatError(file, `format version ${JSON.stringify(head.format_version ?? null)} is not supported; this tool reads version ${MODEL_FORMAT_VERSION}${hint}`);
    }
    checkPackageShape(file, value);
    return value;
}
async function loadModel(path, name = path) {
    let bytes;
    let fh;
    try {
        fh = await (0,promises_.open)(path, 'r');
    }
    catch (err) {
        throw new ModelFormatError(name, `cannot read the model package (${err.code ?? String(err)})`);
    }
    try {
        const info = await fh.stat();
        if (!info.isFile())
            throw new ModelFormatError(name, 'cannot read the model package (it is not a file)');
        if (info.size > MAX_PACKAGE_JSON_BYTES)
            throw new ModelFormatError(name, `the file is ${info.size.toLocaleString('en-US')} bytes; a model package may have at most ${MAX_PACKAGE_JSON_BYTES.toLocaleString('en-US')}`);
        bytes = await fh.readFile();
    }
    catch (err) {
        if (err instanceof ModelFormatError)
            throw err;
        throw new ModelFormatError(name, `cannot read the model package (${err.code ?? String(err)})`);
    }
    finally {
        await fh.close();
    }
    return { pkg: parseModel(name, bytes), bytes };
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __nccwpck_require__(4573);
;// CONCATENATED MODULE: ./src/engine/data/column-builder.ts
// Accumulates one column while the CSV streams by. A column starts as numbers (unless declared
// otherwise) and keeps the few cells that are not numbers aside, so that "forty" in a column of ages
// is reported as a bad cell rather than turning the column into text. Only when such cells are common
// does the column switch to dictionary-encoded strings.
const CELL_NUMBER = 0;
const CELL_MISSING = 1;
const CELL_TEXT = 2;
/** A numeric column switches to strings once this many cells, and this share of rows, are not numbers. */
const SWITCH_MIN_CELLS = 50;
const SWITCH_MIN_SHARE = 0.05;
class ColumnBuilder {
    name;
    /** A declared type pins the mode: the column never switches. */
    pinned;
    mode;
    values;
    codes;
    levels = [];
    levelIndex = new Map();
    /** Numeric mode: row -> text of the cells that were not numbers. */
    exceptions = new Map();
    constructor(name, mode, pinned, capacity) {
        this.name = name;
        this.mode = mode;
        this.pinned = pinned;
        this.values = mode === 'numeric' ? new Float64Array(capacity) : new Float64Array(0);
        this.codes = mode === 'string' ? new Int32Array(capacity) : new Int32Array(0);
    }
    get capacity() {
        return this.mode === 'numeric' ? this.values.length : this.codes.length;
    }
    grow(capacity) {
        if (this.mode === 'numeric') {
            const next = new Float64Array(capacity);
            next.set(this.values);
            this.values = next;
        }
        else {
            const next = new Int32Array(capacity);
            next.set(this.codes);
            this.codes = next;
        }
    }
    code(text) {
        let code = this.levelIndex.get(text);
        if (code === undefined) {
            code = this.levels.length;
            this.levels.push(text);
            this.levelIndex.set(text, code);
        }
        return code;
    }
    set(row, kind, num, text) {
        if (this.mode === 'string') {
            this.codes[row] = kind === CELL_MISSING ? -1 : this.code(text);
            return;
        }
        if (kind === CELL_NUMBER) {
            this.values[row] = num;
            return;
        }
        this.values[row] = Number.NaN;
        if (kind === CELL_MISSING)
            return;
        this.exceptions.set(row, text);
        if (!this.pinned && this.exceptions.size > SWITCH_MIN_CELLS && this.exceptions.size > SWITCH_MIN_SHARE * (row + 1)) {
            this.switchToStrings(row + 1);
        }
    }
    /** Re-encodes rows [0, rows) as strings; numbers get their shortest decimal form. */
    switchToStrings(rows) {
        const codes = new Int32Array(this.values.length);
        for (let r = 0; r < rows; r++) {
            const v = this.values[r];
            if (!Number.isNaN(v))
                codes[r] = this.code(String(v));
            else {
                const text = this.exceptions.get(r);
                codes[r] = text === undefined ? -1 : this.code(text);
            }
        }
        this.codes = codes;
        this.values = new Float64Array(0);
        this.exceptions.clear();
        this.mode = 'string';
    }
}

;// CONCATENATED MODULE: ./src/engine/data/number-bytes.ts
// Parses a decimal number straight from the bytes of a CSV field, without making a string first.
// The fast path is exact: a mantissa of at most 15 significant digits is an exact double, and so is a
// power of ten up to 1e22, so one multiplication or division by it is correctly rounded (Clinger's fast
// path). Everything else is handed to Number(), after this function has checked the syntax.
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
/** Syntax accepted as a number: optional sign, digits with an optional point, an optional exponent. */
const NUMBER_SYNTAX = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Syntax of a number written with a decimal comma ("64,5"). */
const DECIMAL_COMMA_SYNTAX = /^[+-]?\d+,\d+$/;
/**
 * Returns the number in bytes [start, end), or undefined when they are not a finite number (1e400 is
 * not a number here: it would become Infinity). `decimal` is the decimal mark's byte ('.' or ',').
 */
function parseNumberBytes(b, start, end, decimal = 46) {
    let i = start;
    // Surrounding spaces are tolerated around numbers, as most CSV readers do.
    while (i < end && b[i] === 32)
        i++;
    let e = end;
    while (e > i && b[e - 1] === 32)
        e--;
    if (i >= e)
        return undefined;
    const first = i;
    let negative = false;
    let c = b[i];
    if (c === 45 || c === 43) {
        negative = c === 45;
        i++;
    }
    let mantissa = 0;
    let significant = 0; // digits counted into the mantissa, leading zeros excluded
    let anyDigit = false;
    let fractionDigits = 0;
    let overflow = false;
    while (i < e) {
        c = b[i];
        if (c < 48 || c > 57)
            break;
        anyDigit = true;
        if (significant < 15) {
            mantissa = mantissa * 10 + (c - 48);
            if (mantissa !== 0)
                significant++;
        }
        else {
            overflow = true;
        }
        i++;
    }
    if (i < e && b[i] === decimal) {
        i++;
        while (i < e) {
            c = b[i];
            if (c < 48 || c > 57)
                break;
            anyDigit = true;
            if (significant < 15) {
                mantissa = mantissa * 10 + (c - 48);
                if (mantissa !== 0)
                    significant++;
                fractionDigits++;
            }
            else if (c !== 48) {
                overflow = true;
            }
            i++;
        }
    }
    if (!anyDigit)
        return undefined;
    let exponent = 0;
    if (i < e && (b[i] === 101 || b[i] === 69)) {
        i++;
        let expNegative = false;
        if (i < e && (b[i] === 45 || b[i] === 43)) {
            expNegative = b[i] === 45;
            i++;
        }
        const expStart = i;
        while (i < e && b[i] >= 48 && b[i] <= 57) {
            if (exponent < 100000)
                exponent = exponent * 10 + (b[i] - 48);
            i++;
        }
        if (i === expStart)
            return undefined;
        if (expNegative)
            exponent = -exponent;
    }
    if (i !== e)
        return undefined;
    const scale = exponent - fractionDigits;
    if (!overflow && scale >= -22 && scale <= 22) {
        const v = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
        return negative ? -v : v;
    }
    // Too many digits for the exact path: let the engine's correctly rounded parser do it.
    let text = Buffer.from(b.buffer, b.byteOffset + first, e - first).toString('latin1');
    if (decimal !== 46)
        text = text.replace(String.fromCharCode(decimal), '.');
    const v = Number(text);
    return Number.isFinite(v) ? v : undefined;
}

;// CONCATENATED MODULE: ./src/engine/data/infer.ts


/** A string column whose non-missing cells are at least this share of numbers is numeric, with bad cells. */
const NUMERIC_SHARE = 0.95;
/** Text (free prose) rather than categories: this many words per value on average. */
const TEXT_MIN_WORDS = 3;
/** Text rather than categories: mostly distinct values that are this long on average. */
const TEXT_MIN_LENGTH = 20;
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'y', 'n', 't', 'f']);
function trimmed(a, rows) {
    // A copy when the estimate was far off; otherwise a view, to keep peak memory at one copy.
    return (a.length > rows * 1.25 ? a.slice(0, rows) : a.subarray(0, rows));
}
function isIntegral(values) {
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === v && !Number.isInteger(v))
            return false;
    }
    return true;
}
function numeric(name, values, invalid, declared) {
    const type = declared === 'integer' || declared === 'number' ? declared : isIntegral(values) ? 'integer' : 'number';
    return { name, kind: 'numeric', type, values, invalid };
}
function levelCounts(codes, levels) {
    const counts = new Float64Array(levels);
    let present = 0;
    for (let i = 0; i < codes.length; i++) {
        const c = codes[i];
        if (c >= 0) {
            counts[c]++;
            present++;
        }
    }
    return { counts, present };
}
/** The type of a string column that was not declared. */
function inferStringType(levels, counts, present) {
    if (levels.length > 0 && levels.length <= 2 && levels.every((l) => BOOLEAN_WORDS.has(l.trim().toLowerCase())))
        return 'boolean';
    if (present === 0)
        return 'categorical';
    let words = 0;
    let length = 0;
    for (let i = 0; i < levels.length; i++) {
        const level = levels[i];
        const n = counts[i];
        words += n * level.split(/\s+/).filter(Boolean).length;
        length += n * level.length;
    }
    if (words / present >= TEXT_MIN_WORDS)
        return 'text';
    if (levels.length > present / 2 && present >= 20 && length / present >= TEXT_MIN_LENGTH)
        return 'text';
    return 'categorical';
}
function finishString(b, rows, declared) {
    const codes = trimmed(b.codes, rows);
    const { counts, present } = levelCounts(codes, b.levels.length);
    if (declared === undefined && present > 0) {
        // Mostly numbers with a few words among them: a numeric column with bad cells, not categories.
        // A number too large for a double (1e400) is a bad cell, never Infinity.
        const parsed = b.levels.map((l) => (NUMBER_SYNTAX.test(l.trim()) ? Number(l) : Number.NaN)).map((v) => (Number.isFinite(v) ? v : Number.NaN));
        let numericRows = 0;
        parsed.forEach((v, i) => {
            if (!Number.isNaN(v))
                numericRows += counts[i];
        });
        if (numericRows >= NUMERIC_SHARE * present) {
            const values = new Float64Array(rows);
            const invalid = [];
            for (let r = 0; r < rows; r++) {
                const c = codes[r];
                values[r] = c < 0 ? Number.NaN : parsed[c];
                if (c >= 0 && Number.isNaN(parsed[c]))
                    invalid.push({ row: r, value: b.levels[c] });
            }
            return numeric(b.name, values, invalid, undefined);
        }
    }
    const type = declared === 'boolean' || declared === 'categorical' || declared === 'text' ? declared : inferStringType(b.levels, counts, present);
    const column = { name: b.name, kind: 'categorical', type, codes, levels: b.levels };
    if (declared === undefined && present > 0) {
        // "64,5": numbers written with a decimal comma. Read as categories unless data.decimal says ",";
        // validate-data warns, so that the change of meaning is never silent.
        let comma = 0;
        let numeric = 0;
        b.levels.forEach((l, i) => {
            const t = l.trim();
            if (DECIMAL_COMMA_SYNTAX.test(t))
                comma += counts[i];
            else if (NUMBER_SYNTAX.test(t))
                numeric += counts[i];
        });
        if (comma > 0 && comma + numeric >= NUMERIC_SHARE * present)
            column.decimalCommaCells = comma;
    }
    return column;
}
function finishColumns(builders, rows, declared) {
    return builders.map((b) => {
        const type = declared?.get(b.name);
        if (b.mode === 'numeric' && !b.pinned && b.exceptions.size > 0) {
            // Few rows, so the streaming switch never came: apply the same rule now.
            let numbers = 0;
            for (let r = 0; r < rows; r++)
                if (!Number.isNaN(b.values[r]))
                    numbers++;
            if (numbers < NUMERIC_SHARE * (numbers + b.exceptions.size))
                b.switchToStrings(rows);
        }
        if (b.mode === 'numeric') {
            const invalid = [...b.exceptions].map(([row, value]) => ({ row, value })).sort((x, y) => x.row - y.row);
            return numeric(b.name, trimmed(b.values, rows), invalid, type !== undefined && isNumericType(type) ? type : undefined);
        }
        return finishString(b, rows, type);
    });
}

;// CONCATENATED MODULE: ./src/engine/data/csv-reader.ts
// A streaming CSV reader that works on bytes: it never builds a string for a number, and never holds a
// row as an object. It reads the file in chunks; a record cut by the end of a chunk is parsed again,
// whole, with the next chunk, so nothing half-read is ever committed. Structural problems (a ragged
// row, an unclosed quote, bytes that are not UTF-8) are recorded with their file and line, and the
// reader goes on, so that one run names every problem.







/** The longest record (and so the longest cell) read; beyond it the file is refused, fast. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** The most columns a file may have. */
const MAX_COLUMNS = 100_000;
const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Issues kept per kind; the rest are only counted. */
const ISSUES_KEPT = 200;
class IssueLog {
    kept = [];
    counts = {};
    add(issue) {
        const n = (this.counts[issue.code] ?? 0) + 1;
        this.counts[issue.code] = n;
        if (n <= ISSUES_KEPT)
            this.kept.push(issue);
    }
}
function detectDelimiter(buf, start, end) {
    const counts = { ',': 0, ';': 0, '\t': 0 };
    let quoted = false;
    for (let i = start; i < end; i++) {
        const c = buf[i];
        if (c === QUOTE)
            quoted = !quoted;
        else if (!quoted) {
            if (c === LF || c === CR)
                break;
            if (c === 44)
                counts[',']++;
            else if (c === 59)
                counts[';']++;
            else if (c === 9)
                counts['\t']++;
        }
    }
    if (counts[';'] > counts[','] && counts[';'] >= counts['\t'])
        return ';';
    if (counts['\t'] > counts[','] && counts['\t'] > counts[';'])
        return '\t';
    return ',';
}
/** Everything shared across the files of one table. */
class TableBuilder {
    builders = [];
    names = [];
    rows = 0;
    capacity;
    fileIndex;
    line;
    issues = new IssueLog();
    constructor(capacity) {
        this.capacity = capacity;
        this.fileIndex = new Uint16Array(capacity);
        this.line = new Uint32Array(capacity);
    }
    ensure(rows) {
        if (rows <= this.capacity)
            return;
        const capacity = Math.max(rows, Math.ceil(this.capacity * 1.5) + 64);
        for (const b of this.builders)
            b.grow(capacity);
        const fi = new Uint16Array(capacity);
        fi.set(this.fileIndex);
        this.fileIndex = fi;
        const ln = new Uint32Array(capacity);
        ln.set(this.line);
        this.line = ln;
        this.capacity = capacity;
    }
}
/** Parses one file's records into the table; returns nothing, records issues. */
class FileParser {
    t;
    src;
    fileNo;
    missing;
    /** Missing markers that look like numbers ("-999") must be compared before parsing. */
    numericMissing;
    delim = 44;
    line = 1;
    /** For each field position: the table column it fills, or -1 (a column the first file did not have). */
    target = new Int32Array(0);
    nFields = 0;
    kind = new Uint8Array(0);
    num = new Float64Array(0);
    text = [];
    stopped = false;
    decimal;
    constructor(t, src, fileNo, opts) {
        this.t = t;
        this.src = src;
        this.fileNo = fileNo;
        this.decimal = opts.decimal === ',' ? 44 : 46;
        this.missing = new Set(opts.missing);
        this.numericMissing = opts.missing.filter((m) => m !== '' && parseNumberBytes(Buffer.from(m), 0, Buffer.byteLength(m), this.decimal) !== undefined).map((m) => Buffer.from(m));
    }
    /** The line on which the record being parsed starts (for a record that is too long). */
    get currentLine() {
        return this.line;
    }
    issue(code, line, message, column) {
        this.t.issues.add({ code, file: this.src.name, line, message, ...(column === undefined ? {} : { column }) });
    }
    decode(buf, s, e, line, fieldNo) {
        const text = buf.toString('utf8', s, e);
        if (text.includes('\uFFFD') && !(0,external_node_buffer_.isUtf8)(buf.subarray(s, e))) {
            const bad = Array.from(buf.subarray(s, Math.min(e, s + 24)), (b) => (b >= 0x80 ? `\\x${b.toString(16)}` : b < 0x20 ? `\\x${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b))).join('');
            this.issue('encoding', line, `bytes that are not UTF-8 ("${bad}"); save the file as UTF-8`, this.columnName(fieldNo));
        }
        if (text.includes('\0'))
            this.issue('encoding', line, 'a NUL byte (\\0) in a value: a CSV file holds text, so this may be a binary file or a damaged export', this.columnName(fieldNo));
        return text;
    }
    columnName(fieldNo) {
        const c = this.target[fieldNo];
        return c === undefined || c < 0 ? undefined : this.t.names[c];
    }
    /** Stores one unquoted (or simply quoted) field's bytes into the scratch record. */
    field(buf, fieldNo, s, e, line) {
        const col = fieldNo < this.nFields ? this.target[fieldNo] : -1;
        if (col < 0)
            return;
        if (s === e) {
            this.kind[col] = CELL_MISSING;
            return;
        }
        const builder = this.t.builders[col];
        if (builder.mode === 'numeric') {
            if (this.numericMissing.length > 0 && this.numericMissing.some((m) => e - s === m.length && buf.compare(m, 0, m.length, s, e) === 0)) {
                this.kind[col] = CELL_MISSING;
                return;
            }
            const v = parseNumberBytes(buf, s, e, this.decimal);
            if (v !== undefined) {
                this.kind[col] = CELL_NUMBER;
                this.num[col] = v;
                return;
            }
        }
        const text = this.decode(buf, s, e, line, fieldNo);
        if (this.missing.has(text))
            this.kind[col] = CELL_MISSING;
        else {
            this.kind[col] = CELL_TEXT;
            this.text[col] = text;
        }
    }
    textField(fieldNo, text) {
        const col = fieldNo < this.nFields ? this.target[fieldNo] : -1;
        if (col < 0)
            return;
        if (text === '' || this.missing.has(text)) {
            this.kind[col] = CELL_MISSING;
            return;
        }
        const builder = this.t.builders[col];
        if (builder.mode === 'numeric') {
            const bytes = Buffer.from(text);
            const v = parseNumberBytes(bytes, 0, bytes.length, this.decimal);
            if (v !== undefined) {
                this.kind[col] = CELL_NUMBER;
                this.num[col] = v;
                return;
            }
        }
        this.kind[col] = CELL_TEXT;
        this.text[col] = text;
    }
    setHeader(names, declared, headerLine) {
        const t = this.t;
        if (names.length > MAX_COLUMNS)
            throw new DataFileError(this.src.name, `the header has ${names.length.toLocaleString('en-US')} columns; at most ${MAX_COLUMNS.toLocaleString('en-US')} are read`);
        const seen = new Map();
        const unique = names.map((raw, i) => {
            let name = raw;
            if (name.trim() === '') {
                name = `column_${i + 1}`;
                this.issue('header', headerLine, `column ${i + 1} has an empty name; it is called "${name}" here`);
            }
            const n = seen.get(name) ?? 0;
            seen.set(name, n + 1);
            if (n > 0) {
                const renamed = `${name}_${n + 1}`;
                this.issue('header', headerLine, `the column name ${JSON.stringify(name)} appears more than once; the copy at position ${i + 1} is called "${renamed}" here`);
                name = renamed;
            }
            return name;
        });
        if (t.builders.length === 0) {
            t.names = unique;
            t.builders = unique.map((name) => {
                const type = declared?.get(name);
                const mode = type === undefined || isNumericType(type) ? 'numeric' : 'string';
                return new ColumnBuilder(name, mode, type !== undefined, t.capacity);
            });
            this.target = Int32Array.from(unique, (_, i) => i);
        }
        else {
            const position = new Map(t.names.map((n, i) => [n, i]));
            const here = new Set(unique);
            this.target = Int32Array.from(unique, (name) => position.get(name) ?? -1);
            const extra = unique.filter((n) => !position.has(n));
            const absent = t.names.filter((n) => !here.has(n));
            if (extra.length > 0)
                this.issue('header', headerLine, `columns that the first file does not have are ignored: ${extra.map((n) => JSON.stringify(n)).join(', ')}`);
            if (absent.length > 0)
                this.issue('header', headerLine, `columns of the first file are missing here and read as missing values: ${absent.map((n) => JSON.stringify(n)).join(', ')}`);
        }
        this.nFields = unique.length;
        const width = t.builders.length;
        this.kind = new Uint8Array(width);
        this.num = new Float64Array(width);
        this.text = new Array(width).fill('');
    }
    /**
     * Parses the records in buf[start, end). Returns the offset of the first byte not consumed: the start
     * of a record that the chunk cut, to be parsed again with more bytes. With `eof`, consumes everything.
     */
    parse(buf, start, end, eof, onHeader) {
        const delim = this.delim;
        const t = this.t;
        let p = start;
        const headerFields = onHeader ? [] : null;
        records: while (p < end && !this.stopped) {
            const recStart = p;
            const recLine = this.line;
            let c = buf[p];
            // Blank lines between records are skipped, as most readers do.
            if (c === LF) {
                p++;
                this.line++;
                continue;
            }
            if (c === CR) {
                if (p + 1 < end)
                    p += buf[p + 1] === LF ? 2 : 1;
                else if (eof)
                    p++;
                else
                    break;
                this.line++;
                continue;
            }
            if (headerFields)
                headerFields.length = 0;
            else
                this.kind.fill(CELL_MISSING);
            let fieldNo = 0;
            for (;;) {
                const fieldLine = this.line;
                if (p < end && buf[p] === QUOTE) {
                    // Quoted field: "" is an escaped quote; delimiters and newlines inside are data.
                    let q = p + 1;
                    let escaped = false;
                    let newlines = 0;
                    let contentEnd = -1;
                    while (q < end) {
                        c = buf[q];
                        if (c === QUOTE) {
                            if (q + 1 < end && buf[q + 1] === QUOTE) {
                                escaped = true;
                                q += 2;
                                continue;
                            }
                            if (q + 1 >= end && !eof)
                                break; // cannot tell "" from a closing quote yet
                            contentEnd = q;
                            q++;
                            break;
                        }
                        if (c === LF)
                            newlines++;
                        q++;
                    }
                    if (contentEnd < 0) {
                        if (!eof) {
                            p = recStart;
                            this.line = recLine;
                            break records;
                        }
                        this.issue('unclosed_quote', fieldLine, 'a quoted field is never closed; the rest of the file is ignored (check for a stray " in this row)', this.columnName(fieldNo));
                        this.stopped = true;
                        p = end;
                        break records;
                    }
                    this.line += newlines;
                    let s = q; // bytes after the closing quote, up to the delimiter, are kept (and reported)
                    while (s < end && buf[s] !== delim && buf[s] !== LF && buf[s] !== CR)
                        s++;
                    if (s === end && !eof) {
                        p = recStart;
                        this.line = recLine;
                        break records;
                    }
                    let text = this.decode(buf, p + 1, contentEnd, fieldLine, fieldNo);
                    if (escaped)
                        text = text.replaceAll('""', '"');
                    if (s > q) {
                        const tail = this.decode(buf, q, s, this.line, fieldNo);
                        this.issue('bad_quote', this.line, `text after a closing quote (${JSON.stringify(tail.slice(0, 20))}); quote the whole field`, this.columnName(fieldNo));
                        text += tail;
                    }
                    if (headerFields)
                        headerFields.push(text);
                    else
                        this.textField(fieldNo, text);
                    p = s;
                }
                else {
                    let q = p;
                    while (q < end) {
                        c = buf[q];
                        if (c === delim || c === LF || c === CR)
                            break;
                        q++;
                    }
                    if (q === end && !eof) {
                        p = recStart;
                        this.line = recLine;
                        break records;
                    }
                    if (headerFields)
                        headerFields.push(this.decode(buf, p, q, fieldLine, fieldNo));
                    else
                        this.field(buf, fieldNo, p, q, fieldLine);
                    p = q;
                }
                fieldNo++;
                if (p >= end)
                    break; // end of file ends the record
                c = buf[p];
                if (c === delim) {
                    p++;
                    if (p >= end && eof) {
                        // A delimiter as the file's last byte: one more, empty, field.
                        if (headerFields)
                            headerFields.push('');
                        fieldNo++;
                        break;
                    }
                    continue;
                }
                if (c === LF)
                    p++;
                else if (p + 1 < end)
                    p += buf[p + 1] === LF ? 2 : 1;
                else if (eof)
                    p++;
                else {
                    p = recStart;
                    this.line = recLine;
                    break records;
                }
                this.line++;
                break;
            }
            if (headerFields && onHeader) {
                onHeader(headerFields.slice(), recLine);
                return p;
            }
            if (fieldNo !== this.nFields) {
                this.issue('ragged_row', recLine, `the row has ${fieldNo} field${fieldNo === 1 ? '' : 's'}, the header has ${this.nFields}; the row is skipped`);
                continue;
            }
            const row = t.rows;
            if (row >= t.capacity)
                t.ensure(row + 1);
            const builders = t.builders;
            for (let col = 0; col < builders.length; col++) {
                builders[col].set(row, this.kind[col], this.num[col], this.text[col]);
            }
            t.fileIndex[row] = this.fileNo;
            t.line[row] = recLine;
            t.rows = row + 1;
        }
        return p;
    }
    setDelimiter(d) {
        this.delim = d.charCodeAt(0);
    }
}
async function readOne(t, src, fileNo, opts, totalBytes) {
    const parser = new FileParser(t, src, fileNo, opts);
    let fh;
    try {
        fh = await (0,promises_.open)(src.path, 'r');
    }
    catch (err) {
        throw new DataFileError(src.name, `cannot open the file (${err.code ?? String(err)})`);
    }
    try {
        // At least 4 bytes: the BOM check looks at the first 3 before the parser starts.
        let buf = Buffer.allocUnsafe(Math.max(4, opts.chunkBytes ?? 1 << 22));
        let filled = 0;
        let eof = false;
        let started = false;
        let headerDone = false;
        let pos = 0;
        for (;;) {
            if (!eof && filled < buf.length) {
                const { bytesRead } = await fh.read(buf, filled, buf.length - filled, pos);
                pos += bytesRead;
                filled += bytesRead;
                if (bytesRead === 0)
                    eof = true;
            }
            let start = 0;
            if (!started) {
                if (filled < 3 && !eof)
                    continue;
                started = true;
                if (filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
                    start = 3;
                let onlySpace = true;
                for (let i = start; i < filled && onlySpace; i++)
                    onlySpace = buf[i] === LF || buf[i] === CR || buf[i] === 32 || buf[i] === 9;
                if (onlySpace && eof) {
                    parser.issue('empty_file', 1, 'the file is empty: it has no header and no rows');
                    return;
                }
                parser.setDelimiter(opts.delimiter ?? detectDelimiter(buf, start, filled));
            }
            let consumed;
            if (!headerDone) {
                let header;
                consumed = parser.parse(buf, start, filled, eof, (fields, line) => {
                    header = { fields, line };
                });
                if (header) {
                    headerDone = true;
                    if (t.builders.length === 0) {
                        // The first chunk tells how long a record is; size the columns for the whole table at once.
                        const headerBytes = consumed - start;
                        const sample = buf.subarray(consumed, filled);
                        let newlines = 0;
                        for (let i = 0; i < sample.length; i++)
                            if (sample[i] === LF)
                                newlines++;
                        const perRow = newlines > 0 ? sample.length / newlines : Math.max(headerBytes, 1);
                        const estimate = Math.ceil(((totalBytes - headerBytes) / perRow) * 1.02) + 16;
                        t.ensure(Math.min(estimate, 1 << 30));
                    }
                    parser.setHeader(header.fields, opts.declared, header.line);
                    consumed = parser.parse(buf, consumed, filled, eof);
                }
            }
            else {
                consumed = parser.parse(buf, start, filled, eof);
            }
            // With eof the parser consumes everything it was given.
            if (eof)
                break;
            // Keep the unconsumed tail; grow the buffer when one record is larger than it.
            const tail = filled - consumed;
            if (consumed === 0 && tail === buf.length) {
                if (buf.length >= MAX_RECORD_BYTES) {
                    throw new DataFileError(src.name, `line ${parser.currentLine} starts a record longer than ${MAX_RECORD_BYTES / 1024 / 1024} MiB, the most a record (or a cell) may hold; is there an unclosed quote, or is this not a CSV file?`);
                }
                const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, MAX_RECORD_BYTES));
                buf.copy(bigger, 0, 0, filled);
                buf = bigger;
            }
            else {
                buf.copy(buf, 0, consumed, filled);
            }
            filled = tail;
        }
        if (!headerDone)
            parser.issue('empty_file', 1, 'the file is empty: it has no header and no rows');
    }
    finally {
        await fh.close();
    }
}
/** Reads one or more CSV files that share a header into one table. */
async function readCsv(sources, opts) {
    if (sources.length > 0xffff)
        throw new DataFileError(sources[0].name, `${sources.length} files match; at most 65535 can be read at once`);
    const sizes = await Promise.all(sources.map(async (s) => {
        try {
            return (await (0,promises_.stat)(s.path)).size;
        }
        catch (err) {
            throw new DataFileError(s.name, `cannot read the file (${err.code ?? String(err)})`);
        }
    }));
    const total = sizes.reduce((a, b) => a + b, 0);
    const t = new TableBuilder(0);
    for (let i = 0; i < sources.length; i++)
        await readOne(t, sources[i], i, opts, total);
    const columns = finishColumns(t.builders, t.rows, opts.declared);
    const trim = (a) => (a.length > t.rows * 1.25 ? a.slice(0, t.rows) : a.subarray(0, t.rows));
    return {
        columns,
        rowCount: t.rows,
        files: sources.map((s) => s.name),
        fileIndex: trim(t.fileIndex),
        line: trim(t.line),
        issues: t.issues.kept,
        issueCounts: t.issues.counts,
    };
}

;// CONCATENATED MODULE: ./src/engine/schema/data-schema.ts
// The data schema: what each column should hold. `mlops schema infer` writes one from data, to be
// reviewed and committed; validate-data checks data against it, and reads data with its types.





/** Categories are listed (and new ones flagged) only for columns with at most this many. */
const MAX_LISTED_CATEGORIES = 200;
const COLUMN_SPEC = {
    kind: 'object',
    fields: {
        type: { spec: { kind: 'string', oneOf: COLUMN_TYPES }, required: true, description: 'The column\'s type.' },
        min: { spec: { kind: 'number' }, description: 'The smallest allowed value (numbers).' },
        max: { spec: { kind: 'number' }, description: 'The largest allowed value (numbers).' },
        categories: { spec: { kind: 'list', items: { kind: 'string' } }, description: 'The known categories; others are new.' },
        max_missing: { spec: { kind: 'number', min: 0, max: 1 }, description: 'The largest share of missing values.' },
    },
};
const SCHEMA_FIELDS = {
    columns: { spec: { kind: 'map', keyHint: 'column', values: COLUMN_SPEC }, required: true, description: 'One entry per column, in file order.' },
};
function declaredTypes(schema) {
    return new Map(Object.entries(schema.columns).map(([name, c]) => [name, c.type]));
}
function columnSchema(col, rows, defaultMaxMissing) {
    let missing = 0;
    const out = { type: col.type };
    if (col.kind === 'numeric') {
        let min = Infinity;
        let max = -Infinity;
        for (const v of col.values) {
            if (v !== v)
                missing++;
            else {
                if (v < min)
                    min = v;
                if (v > max)
                    max = v;
            }
        }
        if (min <= max)
            Object.assign(out, { min, max });
    }
    else {
        const used = new Uint8Array(col.levels.length);
        for (const c of col.codes) {
            if (c < 0)
                missing++;
            else
                used[c] = 1;
        }
        if (col.type !== 'text' && col.levels.length <= MAX_LISTED_CATEGORIES) {
            out.categories = col.levels.filter((_, i) => used[i]).sort();
        }
    }
    const rate = rows === 0 ? 0 : missing / rows;
    // Only where the data already has more missing values than the pipeline's limit allows.
    if (rate > defaultMaxMissing)
        out.max_missing = Math.min(1, Math.ceil(rate * 100) / 100);
    return out;
}
/** A schema that describes `table` as it is. */
function inferSchema(table, defaultMaxMissing) {
    return { columns: Object.fromEntries(table.columns.map((c) => [c.name, columnSchema(c, table.rowCount, defaultMaxMissing)])) };
}
function formatSchema(schema, comment) {
    const lines = comment.split('\n').map((l) => `# ${l}`.trimEnd());
    return `${lines.join('\n')}\n${(0,dist/* stringify */.As)(schema, { lineWidth: 0, flowCollectionPadding: false })}`;
}
function parseSchema(file, text) {
    const src = new YamlSource(file, text);
    check(src, { kind: 'object', fields: SCHEMA_FIELDS }, src.value, []);
    return src.value;
}
/** Reads a schema file (`abs`), named `file` in errors; the same size limit as a pipeline file. */
async function loadSchema(abs, file) {
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(abs);
    }
    catch (err) {
        throw new UserError(`${file}: cannot read the schema file (${err.code ?? String(err)})`);
    }
    if (bytes.length > MAX_SCHEMA_BYTES)
        throw new UserError(`${file}: the schema file is ${bytes.length.toLocaleString('en-US')} bytes; at most ${MAX_SCHEMA_BYTES.toLocaleString('en-US')} are read`);
    return parseSchema(file, bytes.toString('utf8'));
}
/** A schema lists every column, with categories: larger than a pipeline file, but still bounded. */
const MAX_SCHEMA_BYTES = 16 * 1024 * 1024;

;// CONCATENATED MODULE: ./src/steps/data-source.ts
// Loads a pipeline's data the way every step needs it: with the schema's declared types when there is
// a schema, or with the training data's inferred types when new data replaces it, so that a bad cell
// in the new data is a type error rather than a silent change of column type. Paths from the pipeline
// stay inside the repository; paths the user typed resolve against the current folder.




/** How to resolve a path: typed by the user (current folder, anywhere) or from the pipeline (root, confined). */
function resolveOptions(io, typed) {
    return typed ? { base: io.cwd, confine: false, fallbackBase: io.root } : { base: io.root, confine: true };
}
/** Reads the files a pattern names with the pipeline's CSV settings. */
async function readPipelineData(cfg, pattern, what, declared, opts = { base: cfg.root, confine: true }) {
    const files = await resolveDataFiles(cfg.root, pattern, what, opts);
    return readCsv(files, { missing: cfg.data.missing, decimal: cfg.data.decimal, ...(cfg.data.delimiter ? { delimiter: cfg.data.delimiter } : {}), ...(declared ? { declared } : {}) });
}
/** The pipeline's schema (confined to the repository), or a typed one. */
async function schemaOf(cfg, typed, io) {
    const file = typed ?? cfg.schema;
    if (file === undefined)
        return undefined;
    const opts = resolveOptions(io, typed !== undefined);
    const abs = typed !== undefined ? resolveTyped(io.cwd, io.root, typed) : external_node_path_default().resolve(opts.base, file);
    await checkFile(cfg.root, abs, file, typed !== undefined ? 'the schema input' : cfg.schemaSource === 'convention' ? 'the schema (found by name beside the pipeline)' : 'schema', opts.confine);
    return loadSchema(abs, file);
}
async function loadData(cfg, overrides, io) {
    let reference = await schemaOf(cfg, overrides.schema, io);
    let referenceKind = reference ? 'schema' : 'none';
    let referenceSource = reference ? (overrides.schema ?? cfg.schema) : undefined;
    if (!reference && overrides.data !== undefined) {
        const training = await readPipelineData(cfg, cfg.data.train, 'data.train', undefined);
        reference = inferSchema(training, cfg.validation.maxMissingRate);
        referenceKind = 'training-data';
        referenceSource = cfg.data.train;
    }
    const declared = reference ? declaredTypes(reference) : undefined;
    const table = overrides.data !== undefined ? await readPipelineData(cfg, overrides.data, 'the data input', declared, resolveOptions(io, true)) : await readPipelineData(cfg, cfg.data.train, 'data.train', declared);
    const testTypes = declared ?? new Map(table.columns.map((c) => [c.name, c.type]));
    let test;
    if (overrides.testData !== undefined)
        test = await readPipelineData(cfg, overrides.testData, 'the test-data input', testTypes, resolveOptions(io, true));
    else if (cfg.data.test !== undefined)
        test = await readPipelineData(cfg, cfg.data.test, 'data.test', testTypes);
    return { table, test, reference, referenceKind, referenceSource };
}
/** The feature columns: every column but the target, the id and the excluded ones. */
function featureNames(cfg, table) {
    const skip = new Set([cfg.target, ...(cfg.id === undefined ? [] : [cfg.id]), ...cfg.features.exclude]);
    return table.columns.map((c) => c.name).filter((n) => !skip.has(n));
}

;// CONCATENATED MODULE: ./src/steps/inputs.ts
// Reading step inputs the same way from either front door. Paths that a user types (a flag, an action
// input) are the user's to choose: they resolve against the current folder and may lie anywhere.
// Paths that come from a pipeline file or a registry pointer are data from the repository (a pull
// request can write them) and must stay inside it; data-source.ts and the adapters enforce that.



function booleanInput(inputs, name) {
    const raw = (inputs[name] ?? '').trim().toLowerCase();
    if (raw === 'true')
        return true;
    if (raw === 'false' || (raw === '' && inputs[name] === undefined))
        return false;
    throw new InputError(name, `${JSON.stringify(inputs[name] ?? '')} is not true or false`);
}
/** An optional input ('' means absent). */
function optionalInput(inputs, name) {
    const v = (inputs[name] ?? '').trim();
    return v === '' ? undefined : v;
}
/**
 * A path the user typed, or the default (relative to the repository root). A file to read falls back to
 * the root as resolveTyped says; an output is always relative to the current folder. A required input
 * with no value is an error that names it.
 */
function userPath(io, inputs, name, fallback, read = fallback === undefined) {
    const given = optionalInput(inputs, name);
    if (given === undefined && fallback === undefined)
        throw new InputError(name, 'is required');
    const abs = given === undefined ? external_node_path_default().resolve(io.root, fallback) : read ? resolveTyped(io.cwd, io.root, given) : external_node_path_default().resolve(io.cwd, given);
    return { abs, shown: displayName(io.root, abs) };
}

;// CONCATENATED MODULE: ./src/adapters/files.ts
// Writing files so that nothing is ever half-written: write a temporary file beside the target, then
// rename it over the target (atomic on one file system). A crash leaves the old file or the new one.



async function writeFileAtomic(file, content) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    const tmp = external_node_path_default().join(external_node_path_default().dirname(file), `.${external_node_path_default().basename(file)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    try {
        await (0,promises_.writeFile)(tmp, content);
        await (0,promises_.rename)(tmp, file);
    }
    catch (err) {
        await (0,promises_.rm)(tmp, { force: true });
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/steps/outputs.ts
// Writing a step's results: only after all the work is done (a failing run leaves the last good outputs
// in place), never over one of the run's own inputs, never over a file that is not ours without
// --force, and each file through temp-then-rename. Side effects after the work (a comment, an
// artifact, a cache entry) warn when they fail; they never undo a good result.






/** The step's fixed outputs under out/<pipeline>/. */
function outputPaths(io, pipeline, names) {
    const dir = external_node_path_default().join(io.root, 'out', pipeline);
    const out = { dir };
    for (const [key, name] of Object.entries(names)) {
        const abs = external_node_path_default().join(dir, name);
        out[key] = { abs, shown: displayName(io.root, abs) };
    }
    return out;
}
/** Every file a step read: the pipeline, its schema and the data. Outputs may not replace them. */
function runInputs(cfg, ...tables) {
    const files = [external_node_path_default().resolve(cfg.root, cfg.file)];
    if (cfg.schema !== undefined)
        files.push(external_node_path_default().resolve(cfg.root, cfg.schema));
    for (const t of tables)
        if (t)
            files.push(...t.files.map((f) => external_node_path_default().resolve(cfg.root, f)));
    return files;
}
const OUR_TEXT = [/^\s*\{\s*"format"\s*:\s*"mlops-/, /^<!-- mlops-actions:/, /^### (validate-data|train|evaluate|compare-to-champion|publish-model|deploy|drift-report): /, /^# Data schema for the pipeline /];
/** Whether a file's first bytes say that mlops wrote it (a package, a report, a schema). */
function looksOurs(head) {
    let text = head;
    if (head[0] === 0x1f && head[1] === 0x8b) {
        try {
            text = (0,external_node_zlib_.gunzipSync)(head, { finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH });
        }
        catch {
            return false;
        }
    }
    const s = text.subarray(0, 512).toString('utf8');
    return OUR_TEXT.some((re) => re.test(s));
}
async function canonical(file) {
    // An output that does not exist yet: its folder's real path, so that a symlinked folder is seen through.
    try {
        return await (0,promises_.realpath)(file);
    }
    catch {
        try {
            return external_node_path_default().join(await (0,promises_.realpath)(external_node_path_default().dirname(file)), external_node_path_default().basename(file));
        }
        catch {
            return external_node_path_default().resolve(file);
        }
    }
}
/** Refuses an output that would replace an input, a folder, or a file that is not ours. */
async function checkOutput(io, out, inputs) {
    const target = await canonical(out.abs);
    for (const input of inputs) {
        if ((await canonical(input)) === target)
            throw new OutputPathError(out.shown, 'is an input of this run; writing there would destroy it. Choose another output path');
    }
    const info = await (0,promises_.stat)(out.abs).catch(() => undefined);
    if (!info)
        return;
    if (info.isDirectory())
        throw new OutputPathError(out.shown, 'is a folder; name a file');
    if (!info.isFile())
        throw new OutputPathError(out.shown, 'is not a regular file; name a file');
    if (io.overwrite)
        return;
    const fh = await (0,promises_.open)(out.abs, 'r');
    try {
        const head = Buffer.alloc(4096);
        const { bytesRead } = await fh.read(head, 0, head.length, 0);
        if (info.size > 0 && !looksOurs(head.subarray(0, bytesRead)))
            throw new OutputPathError(out.shown, 'exists and was not written by mlops; pass --force to replace it, or choose another path');
    }
    finally {
        await fh.close();
    }
}
/** Checks every output first, then writes each through temp-then-rename. */
async function writeOutputs(io, outputs, inputs) {
    for (const [out] of outputs)
        await checkOutput(io, out, inputs);
    for (const [out, content] of outputs) {
        try {
            await writeFileAtomic(out.abs, content);
        }
        catch (err) {
            throw new OutputPathError(out.shown, `cannot be written (${err.code ?? err.message})`);
        }
    }
}
/** Runs a side effect that follows the work: a failure is a warning with the reason, never a failed step. */
async function sideEffect(io, what, run) {
    try {
        await run();
        return true;
    }
    catch (err) {
        const status = err.status;
        io.warning(`${what} failed${status ? ` (HTTP ${status})` : ''}: ${err.message ?? String(err)}. The step's results stand.`);
        return false;
    }
}
/**
 * An artifact name that is unique per pipeline, job and content: jobs of a matrix each have their own
 * (artifact names must be unique within a workflow run).
 */
function artifactName(io, prefix, pipeline, sha256) {
    return [prefix, pipeline, io.scope, sha256.slice(0, 12)].filter(Boolean).join('-');
}

;// CONCATENATED MODULE: ./src/engine/data/split.ts
// The train/test split. A row's side is a function of its key and the seed, nothing else. The key is
// the text of a fixed, recorded list of columns (the id, or by default every column of the training
// data, in the order recorded), so adding rows never moves an old row, and neither does adding,
// dropping or reordering any other column. Rows with identical key cells share a side, so exact
// duplicates never straddle the split.


const SEPARATOR = '\u001f';
/** A 53-bit hash of a string, from two seeded 32-bit FNV-1a variants; uniform enough to split on. */
function hash53(text, seed) {
    let a = (0x811c9dc5 ^ seed) >>> 0;
    let b = (0x01000193 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995);
        b ^= b >>> 15;
    }
    // Final avalanche, so that near keys ("row-1", "row-2") land far apart.
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    a ^= a >>> 16;
    b = Math.imul(b ^ (b >>> 16), 0x7feb352d);
    b = Math.imul(b ^ (b >>> 15), 0x846ca68b);
    b ^= b >>> 16;
    return (a >>> 11) * 4294967296 + (b >>> 0);
}
/** The default key columns: the id alone, or every column of the data in file order. */
function defaultKeyColumns(table, id) {
    return id === undefined ? table.columns.map((c) => c.name) : [id];
}
/** The key of each row: the text of its key columns, joined. A key column the data lacks is an error. */
function rowKeys(table, keyColumns) {
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    const cols = keyColumns.map((name) => {
        const col = byName.get(name);
        if (!col)
            throw new MissingColumnError(name, `the split key column ${JSON.stringify(name)} is not in the data`);
        return col;
    });
    const keys = new Array(table.rowCount);
    for (let r = 0; r < table.rowCount; r++)
        keys[r] = cols.length === 1 ? cellText(cols[0], r) : cols.map((c) => cellText(c, r)).join(SEPARATOR);
    return keys;
}
/** True for the rows that go to the test split. */
function testRows(keys, testFraction, seed) {
    const out = new Uint8Array(keys.length);
    const cut = testFraction * 2 ** 53;
    for (let r = 0; r < keys.length; r++)
        out[r] = hash53(keys[r], seed) < cut ? 1 : 0;
    return out;
}
/** The test rows of a table under a recorded split key. */
function testRowsOf(table, key) {
    return testRows(rowKeys(table, key.columns), key.testFraction, key.seed);
}

;// CONCATENATED MODULE: ./src/engine/features/encode.ts
// Feature encoding: learned from the training table (fit), stored in the model package, and applied
// identically to any later table (apply). Every encoded feature is a number; NaN means missing and goes
// right at every split, in training and at prediction.
//
// - numbers: as they are;
// - booleans: 1 for the true-like level, 0 for the other;
// - categories: one column per level up to `oneHotMaxLevels`, else one ordinal column (levels sorted);
//   a category never seen in training is all zeros (one-hot: "none of the known levels") or NaN
//   (ordinal: treated as missing), never a crash;
// - text: a hashed bag of words (n-grams of lower-cased word tokens) of `textWidth` buckets.



const DEFAULT_ENCODING = { oneHotMaxLevels: 10, textWidth: 256, ngrams: 2 };
const TRUE_WORDS = new Set(['true', 'yes', 'y', 't', '1']);
const TEXT_SEED = 0x5eed;
function presentLevels(col) {
    const used = new Uint8Array(col.levels.length);
    for (const c of col.codes)
        if (c >= 0)
            used[c] = 1;
    return col.levels.filter((_, i) => used[i]).sort();
}
function fitEncoding(table, featureNames, opts = DEFAULT_ENCODING) {
    const columns = featureNames.map((name) => {
        const col = columnByName(table, name);
        if (!col)
            throw new MissingColumnError(name, `the feature ${JSON.stringify(name)} is not in the data`);
        if (col.kind === 'numeric')
            return { name, kind: 'numeric' };
        if (col.type === 'text')
            return { name, kind: 'hashed-text', width: opts.textWidth, ngrams: opts.ngrams, seed: TEXT_SEED };
        const levels = presentLevels(col);
        if (col.type === 'boolean')
            return { name, kind: 'boolean', trueLevel: levels.find((l) => TRUE_WORDS.has(l.trim().toLowerCase())) ?? levels[levels.length - 1] ?? '' };
        return levels.length <= opts.oneHotMaxLevels ? { name, kind: 'one-hot', levels } : { name, kind: 'ordinal', levels };
    });
    return { columns, features: columns.flatMap(featureNamesOf) };
}
function featureNamesOf(c) {
    switch (c.kind) {
        case 'numeric':
        case 'boolean':
        case 'ordinal':
            return [c.name];
        case 'one-hot':
            return c.levels.map((l) => `${c.name}=${l}`);
        case 'hashed-text':
            return Array.from({ length: c.width }, (_, i) => `${c.name}#${i}`);
    }
}
/** Word tokens, lower-cased, and their n-grams up to `n`. */
function textTokens(text, n) {
    const words = text.toLowerCase().match(/[\p{L}\p{N}_$!]+/gu) ?? [];
    const out = [];
    for (let k = 1; k <= n; k++)
        for (let i = 0; i + k <= words.length; i++)
            out.push(words.slice(i, i + k).join(' '));
    return out;
}
/** Applies an encoding to a table that has (at least) the encoded columns; returns one array per feature. */
function applyEncoding(table, encoding) {
    const n = table.rowCount;
    const out = [];
    for (const enc of encoding.columns) {
        const col = columnByName(table, enc.name);
        if (!col)
            throw new MissingColumnError(enc.name, `the feature column ${JSON.stringify(enc.name)} is missing from the data`);
        if (enc.kind === 'numeric') {
            if (col.kind === 'numeric')
                out.push(Float64Array.from(col.values));
            else
                out.push(Float64Array.from(col.codes, (c) => (c < 0 ? Number.NaN : Number(col.levels[c]))));
            continue;
        }
        // The remaining encodings read text levels; numeric cells are read as their text.
        const codes = col.kind === 'categorical' ? col.codes : Int32Array.from({ length: n }, (_, r) => (Number.isNaN(col.values[r]) ? -1 : r));
        const levelOf = (r) => {
            const c = codes[r];
            if (c < 0)
                return undefined;
            return col.kind === 'categorical' ? col.levels[c] : String(col.values[r]);
        };
        if (enc.kind === 'boolean')
            out.push(Float64Array.from({ length: n }, (_, r) => {
                const l = levelOf(r);
                return l === undefined ? Number.NaN : l === enc.trueLevel ? 1 : 0;
            }));
        else if (enc.kind === 'one-hot') {
            const index = new Map(enc.levels.map((l, i) => [l, i]));
            const cols = enc.levels.map(() => new Float64Array(n));
            for (let r = 0; r < n; r++) {
                const l = levelOf(r);
                if (l === undefined)
                    for (const c of cols)
                        c[r] = Number.NaN;
                else {
                    const i = index.get(l);
                    if (i !== undefined)
                        cols[i][r] = 1;
                }
            }
            out.push(...cols);
        }
        else if (enc.kind === 'ordinal') {
            const index = new Map(enc.levels.map((l, i) => [l, i]));
            out.push(Float64Array.from({ length: n }, (_, r) => {
                const l = levelOf(r);
                return l === undefined ? Number.NaN : (index.get(l) ?? Number.NaN);
            }));
        }
        else {
            const cols = Array.from({ length: enc.width }, () => new Float64Array(n));
            for (let r = 0; r < n; r++) {
                const l = levelOf(r);
                if (l === undefined)
                    continue; // no words: all buckets 0
                for (const token of textTokens(l, enc.ngrams))
                    cols[hash53(token, enc.seed) % enc.width][r] += 1;
            }
            out.push(...cols);
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/engine/forest/bins.ts
// Features are binned once per forest: each value becomes a small integer, and every split is "bin
// <= b". A column with at most MAX_BINS distinct values gets one bin per value, so its splits are exactly
// those of an exact search; a column with more gets quantile bins. The threshold between two bins is
// the midpoint of the largest value below it and the smallest above it, so `value < threshold` sends
// a row left exactly when its bin is on the left, in our predictor and in ml-random-forest's.
const MAX_BINS = 255;
/** The bin of a missing value; it always goes right, as NaN < threshold is false at prediction. */
const MISSING_BIN = 255;
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
/** The smallest double greater than x (x finite). */
function nextUp(x) {
    if (x === 0)
        return Number.MIN_VALUE;
    f64[0] = x;
    i64[0] = x > 0 ? i64[0] + 1n : i64[0] - 1n;
    return f64[0];
}
function binFeature(values) {
    const present = values.filter((v) => v === v);
    present.sort();
    // Distinct values, in order.
    const distinct = [];
    for (let i = 0; i < present.length; i++)
        if (i === 0 || present[i] !== present[i - 1])
            distinct.push(present[i]);
    let upper; // the largest value of each bin
    if (distinct.length <= MAX_BINS)
        upper = distinct;
    else {
        upper = [];
        for (let b = 1; b <= MAX_BINS; b++) {
            const v = present[Math.min(present.length - 1, Math.floor((b * present.length) / MAX_BINS) - 1)];
            if (upper.length === 0 || v > upper[upper.length - 1])
                upper.push(v);
        }
        if (upper[upper.length - 1] < distinct[distinct.length - 1])
            upper[upper.length - 1] = distinct[distinct.length - 1];
    }
    const thresholds = new Float64Array(upper.length);
    // The smallest value above each bin: the next distinct value after the bin's largest.
    let d = 0;
    for (let b = 0; b < upper.length - 1; b++) {
        while (distinct[d] <= upper[b])
            d++;
        const mid = (upper[b] + distinct[d]) / 2;
        // Midpoints can round onto the upper value; then the upper value itself is the threshold.
        thresholds[b] = mid > upper[b] ? mid : distinct[d];
    }
    // Splitting after the last bin sends every value left and only missing ones right. The threshold
    // must stay finite (JSON has no Infinity): the next double above the largest value.
    if (upper.length > 0)
        thresholds[upper.length - 1] = nextUp(upper[upper.length - 1]);
    const bins = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v !== v) {
            bins[i] = MISSING_BIN;
            continue;
        }
        let lo = 0;
        let hi = upper.length - 1;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (v <= upper[mid])
                hi = mid;
            else
                lo = mid + 1;
        }
        bins[i] = lo;
    }
    return { bins, thresholds, count: upper.length };
}

;// CONCATENATED MODULE: ./src/engine/forest/tree.ts

class Growable {
    feature;
    threshold;
    left;
    right;
    value;
    gain;
    nodes = 0;
    width;
    constructor(width, capacity) {
        this.width = width;
        this.feature = new Int32Array(capacity);
        this.threshold = new Float64Array(capacity);
        this.left = new Int32Array(capacity);
        this.right = new Int32Array(capacity);
        this.value = new Float64Array(capacity * width);
        this.gain = new Float64Array(capacity);
    }
    add() {
        if (this.nodes === this.feature.length) {
            const cap = this.nodes * 2;
            const grow = (a, n) => {
                const b = new a.constructor(n);
                b.set(a);
                return b;
            };
            this.feature = grow(this.feature, cap);
            this.threshold = grow(this.threshold, cap);
            this.left = grow(this.left, cap);
            this.right = grow(this.right, cap);
            this.value = grow(this.value, cap * this.width);
            this.gain = grow(this.gain, cap);
        }
        this.feature[this.nodes] = -1;
        return this.nodes++;
    }
    finish() {
        const n = this.nodes;
        return {
            feature: this.feature.slice(0, n),
            threshold: this.threshold.slice(0, n),
            left: this.left.slice(0, n),
            right: this.right.slice(0, n),
            value: this.value.slice(0, n * this.width),
            gain: this.gain.slice(0, n),
            nodes: n,
        };
    }
}
/**
 * Grows a tree on the rows with a positive weight (bootstrap counts). `yClass` holds class indices for
 * classification, `yValue` the targets for regression.
 */
function growTree(features, yClass, yValue, weight, params, rng) {
    const classification = params.task === 'classification';
    const K = classification ? params.classes : 0;
    const width = classification ? K : 1;
    const F = features.length;
    const rows = [];
    for (let r = 0; r < weight.length; r++)
        if (weight[r] > 0)
            rows.push(r);
    const idx = Int32Array.from(rows);
    const tree = new Growable(width, 64);
    // Scratch, allocated once per tree.
    const stride = classification ? K : 3; // regression: weight, sum, sum of squares
    const hist = new Float64Array(256 * stride);
    const used = new Uint8Array(256);
    const usedList = new Int32Array(256);
    const featureOrder = Int32Array.from({ length: F }, (_, i) => i);
    const leftCounts = new Float64Array(Math.max(K, 1));
    const totals = new Float64Array(Math.max(K, 1));
    // Stack of nodes to split: [node, start, end, depth].
    const stack = [];
    const root = tree.add();
    stack.push(root, 0, idx.length, 0);
    while (stack.length > 0) {
        const depth = stack.pop();
        const end = stack.pop();
        const start = stack.pop();
        const node = stack.pop();
        // Node totals and its prediction.
        let nW = 0;
        let sum = 0;
        let sumSq = 0;
        if (classification)
            totals.fill(0);
        for (let i = start; i < end; i++) {
            const r = idx[i];
            const w = weight[r];
            nW += w;
            if (classification)
                totals[yClass[r]] += w;
            else {
                const v = yValue[r];
                sum += w * v;
                sumSq += w * v * v;
            }
        }
        let impurity;
        if (classification) {
            let s2 = 0;
            for (let k = 0; k < K; k++) {
                tree.value[node * width + k] = totals[k] / nW;
                s2 += totals[k] * totals[k];
            }
            impurity = 1 - s2 / (nW * nW);
        }
        else {
            const mean = sum / nW;
            tree.value[node] = mean;
            impurity = Math.max(0, sumSq / nW - mean * mean);
        }
        if (depth >= params.maxDepth || nW < 2 * params.minSamplesLeaf || impurity <= 1e-12)
            continue;
        // Search: features in random order; stop after mtry features that are not constant here.
        let bestScore = -Infinity;
        let bestFeature = -1;
        let bestBin = -1;
        let visited = 0;
        for (let j = 0; j < F && visited < params.mtry; j++) {
            const pick = j + Math.floor(rng() * (F - j));
            const f = featureOrder[pick];
            featureOrder[pick] = featureOrder[j];
            featureOrder[j] = f;
            const bins = features[f].bins;
            // Histogram of the node's rows over the bins they use.
            let nUsed = 0;
            for (let i = start; i < end; i++) {
                const r = idx[i];
                const b = bins[r];
                if (!used[b]) {
                    used[b] = 1;
                    usedList[nUsed++] = b;
                    const o = b * stride;
                    for (let s = 0; s < stride; s++)
                        hist[o + s] = 0;
                }
                const w = weight[r];
                if (classification)
                    hist[b * stride + yClass[r]] += w;
                else {
                    const v = yValue[r];
                    const o = b * stride;
                    hist[o] += w;
                    hist[o + 1] += w * v;
                    hist[o + 2] += w * v * v;
                }
            }
            const list = usedList.subarray(0, nUsed).sort();
            for (let u = 0; u < nUsed; u++)
                used[list[u]] = 0;
            // The missing bin (255) sorts last and never moves left.
            const candidates = list[nUsed - 1] === MISSING_BIN ? nUsed - 1 : nUsed;
            if (candidates <= 1 && nUsed <= 1)
                continue; // constant here: does not count toward mtry
            visited++;
            if (candidates < 1)
                continue;
            // Sweep: move bins left one at a time.
            let wL = 0;
            if (classification) {
                leftCounts.fill(0);
                let sL2 = 0;
                let sR2 = 0;
                for (let k = 0; k < K; k++)
                    sR2 += totals[k] * totals[k];
                for (let u = 0; u < candidates; u++) {
                    if (u === nUsed - 1)
                        break; // everything left: not a split
                    const o = list[u] * stride;
                    for (let k = 0; k < K; k++) {
                        const c = hist[o + k];
                        if (c === 0)
                            continue;
                        const l = leftCounts[k];
                        const rgt = totals[k] - l;
                        sL2 += 2 * l * c + c * c;
                        sR2 += -2 * rgt * c + c * c;
                        leftCounts[k] = l + c;
                        wL += c;
                    }
                    const wR = nW - wL;
                    if (wL < params.minSamplesLeaf || wR < params.minSamplesLeaf)
                        continue;
                    // Maximising sL2/wL + sR2/wR is minimising the weighted Gini of the children.
                    const score = sL2 / wL + sR2 / wR;
                    if (score > bestScore + 1e-12) {
                        bestScore = score;
                        bestFeature = f;
                        bestBin = list[u];
                    }
                }
            }
            else {
                let sumL = 0;
                for (let u = 0; u < candidates; u++) {
                    if (u === nUsed - 1)
                        break;
                    const o = list[u] * stride;
                    wL += hist[o];
                    sumL += hist[o + 1];
                    const wR = nW - wL;
                    if (wL < params.minSamplesLeaf || wR < params.minSamplesLeaf)
                        continue;
                    const sumR = sum - sumL;
                    // Maximising sumL²/wL + sumR²/wR is minimising the children's squared error.
                    const score = (sumL * sumL) / wL + (sumR * sumR) / wR;
                    if (score > bestScore + 1e-12 * Math.abs(score)) {
                        bestScore = score;
                        bestFeature = f;
                        bestBin = list[u];
                    }
                }
            }
        }
        if (bestFeature < 0)
            continue;
        // The decrease in weighted impurity that the split buys.
        const parentScore = classification ? (() => {
            let s2 = 0;
            for (let k = 0; k < K; k++)
                s2 += totals[k] * totals[k];
            return s2 / nW;
        })() : (sum * sum) / nW;
        const decrease = bestScore - parentScore;
        if (!(decrease > 1e-12 * Math.max(1, Math.abs(parentScore))))
            continue;
        // Partition rows in place: bin <= bestBin to the left.
        const bins = features[bestFeature].bins;
        let i = start;
        let k = end - 1;
        while (i <= k) {
            if (bins[idx[i]] <= bestBin)
                i++;
            else {
                const t = idx[i];
                idx[i] = idx[k];
                idx[k] = t;
                k--;
            }
        }
        const mid = i;
        const l = tree.add();
        const r = tree.add();
        tree.feature[node] = bestFeature;
        tree.threshold[node] = features[bestFeature].thresholds[bestBin];
        tree.left[node] = l;
        tree.right[node] = r;
        tree.gain[node] = decrease;
        stack.push(r, mid, end, depth + 1);
        stack.push(l, start, mid, depth + 1);
    }
    return tree.finish();
}

;// CONCATENATED MODULE: ./src/engine/forest/forest.ts
// A random forest: trains trees on binned features, predicts as ml-random-forest predicts (majority
// vote of the trees' leaf classes, or the mean of their leaf values), and writes ml-random-forest's
// JSON so that its stock `load` gives the same predictions.



function resolveMtry(maxFeatures, features) {
    let m;
    if (maxFeatures === 'sqrt')
        m = Math.floor(Math.sqrt(features));
    else if (maxFeatures === 'log2')
        m = Math.floor(Math.log2(features));
    else if (maxFeatures > 0 && maxFeatures <= 1 && !Number.isInteger(maxFeatures))
        m = Math.floor(maxFeatures * features);
    else if (maxFeatures === 1)
        m = features; // 1.0: all features (a fraction)
    else
        m = Math.floor(maxFeatures);
    return Math.min(features, Math.max(1, m));
}
/** Bootstrap counts for tree k: n draws with replacement, or every row once. */
function sampleWeights(n, bootstrap, rng) {
    const w = new Int32Array(n);
    if (!bootstrap)
        return w.fill(1);
    for (let i = 0; i < n; i++)
        w[Math.floor(rng() * n)]++;
    return w;
}
function binAll(columns) {
    return columns.map((c) => binFeature(c));
}
/** Trains tree k alone: its randomness comes from stream(seed, k) only. */
function trainTree(binned, data, options, k) {
    const rng = stream(options.seed, k);
    const n = binned[0]?.bins.length ?? 0;
    const weight = sampleWeights(n, options.bootstrap, rng);
    const params = {
        task: options.task,
        classes: options.classes,
        maxDepth: options.maxDepth,
        minSamplesLeaf: options.minSamplesLeaf,
        mtry: resolveMtry(options.maxFeatures, binned.length),
    };
    return { tree: growTree(binned, data.yClass, data.yValue, weight, params, rng), weight };
}
/** The leaf a row lands in: left when value < threshold (so NaN goes right), as ml-cart does. */
function leafOf(tree, row) {
    let node = 0;
    while (tree.feature[node] >= 0) {
        node = row(tree.feature[node]) < tree.threshold[node] ? tree.left[node] : tree.right[node];
    }
    return node;
}
/** The class a tree predicts at a leaf: the first class with the largest share (ml-matrix's maxRowIndex). */
function leafClass(tree, leaf, classes) {
    const o = leaf * classes;
    let best = 0;
    for (let k = 1; k < classes; k++)
        if (tree.value[o + k] > tree.value[o + best])
            best = k;
    return best;
}
/** ml-array-mode's rule: the class whose count first rises above the running maximum, in tree order. */
function vote(classesOfTrees, classes) {
    const counts = new Int32Array(classes);
    let best = 0;
    let bestCount = 0;
    for (let t = 0; t < classesOfTrees.length; t++) {
        const c = classesOfTrees[t];
        const n = ++counts[c];
        if (n > bestCount) {
            bestCount = n;
            best = c;
        }
    }
    return best;
}
/** Predictions for rows given as columns (the model's encoded features). */
function predict(forest, columns) {
    const n = columns[0]?.length ?? 0;
    const out = new Float64Array(n);
    const { task, classes } = forest.options;
    const perTree = new Int32Array(forest.trees.length);
    for (let i = 0; i < n; i++) {
        const row = (f) => columns[f][i];
        if (task === 'classification') {
            for (let t = 0; t < forest.trees.length; t++)
                perTree[t] = leafClass(forest.trees[t], leafOf(forest.trees[t], row), classes);
            out[i] = vote(perTree, classes);
        }
        else {
            let sum = 0;
            for (const tree of forest.trees)
                sum += tree.value[leafOf(tree, row)];
            out[i] = sum / forest.trees.length; // ml-array-mean: the sum in tree order, then one division
        }
    }
    return out;
}
/** Out-of-bag score: accuracy (classification) or R² (regression) over rows some tree did not see. */
function outOfBagScore(forest, data) {
    const n = data.columns[0]?.length ?? 0;
    // Each tree's bootstrap is drawn again from its own stream: the same draws as in training.
    const weights = forest.trees.map((_, k) => sampleWeights(n, forest.options.bootstrap, stream(forest.options.seed, k)));
    const { task, classes } = forest.options;
    let scored = 0;
    let correct = 0;
    let sse = 0;
    const ys = [];
    const preds = [];
    const votes = [];
    for (let i = 0; i < n; i++) {
        const row = (f) => data.columns[f][i];
        votes.length = 0;
        let sum = 0;
        for (let t = 0; t < forest.trees.length; t++) {
            if (weights[t][i] > 0)
                continue;
            const tree = forest.trees[t];
            const leaf = leafOf(tree, row);
            if (task === 'classification')
                votes.push(leafClass(tree, leaf, classes));
            else {
                votes.push(0);
                sum += tree.value[leaf];
            }
        }
        if (votes.length === 0)
            continue;
        scored++;
        if (task === 'classification')
            correct += vote(votes, classes) === data.yClass[i] ? 1 : 0;
        else {
            const p = sum / votes.length;
            sse += (p - data.yValue[i]) ** 2;
            ys.push(data.yValue[i]);
            preds.push(p);
        }
    }
    if (scored === 0)
        return Number.NaN;
    if (task === 'classification')
        return correct / scored;
    const mean = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sst = ys.reduce((a, y) => a + (y - mean) ** 2, 0);
    return sst === 0 ? Number.NaN : 1 - sse / sst;
}
/** Impurity importances, normalised to sum to 1 (scikit-learn's feature_importances_). */
function importances(forest) {
    const total = new Float64Array(forest.features);
    for (const tree of forest.trees) {
        const perTree = new Float64Array(forest.features);
        for (let node = 0; node < tree.nodes; node++)
            if (tree.feature[node] >= 0)
                perTree[tree.feature[node]] += tree.gain[node];
        const s = perTree.reduce((a, b) => a + b, 0);
        if (s > 0)
            for (let f = 0; f < forest.features; f++)
                total[f] += perTree[f] / s;
    }
    const s = total.reduce((a, b) => a + b, 0);
    if (s > 0)
        for (let f = 0; f < forest.features; f++)
            total[f] /= s;
    return total;
}
function toMlNode(tree, node, classes, classification) {
    if (tree.feature[node] < 0) {
        return { distribution: classification ? [Array.from(tree.value.subarray(node * classes, node * classes + classes))] : tree.value[node] };
    }
    return {
        splitValue: tree.threshold[node],
        splitColumn: tree.feature[node],
        gain: tree.gain[node],
        left: toMlNode(tree, tree.left[node], classes, classification),
        right: toMlNode(tree, tree.right[node], classes, classification),
    };
}
/**
 * ml-random-forest's JSON (RFClassifier / RFRegression). Every tree sees every column (indexes are
 * 0..F-1): we sample features per split, as scikit-learn does, so the split columns index the full row.
 * Thresholds are always finite (see bins.ts), so the JSON round-trips exactly.
 */
function toMlRandomForestJSON(forest) {
    const { options } = forest;
    const classification = options.task === 'classification';
    const all = Array.from({ length: forest.features }, (_, i) => i);
    const treeOptions = { gainFunction: classification ? 'gini' : 'regression', splitFunction: 'mean', minNumSamples: options.minSamplesLeaf, maxDepth: Number.isFinite(options.maxDepth) ? options.maxDepth : null, gainThreshold: 0.01 };
    const baseModel = {
        indexes: forest.trees.map(() => all),
        n: forest.features,
        replacement: false,
        maxFeatures: forest.features,
        nEstimators: forest.trees.length,
        treeOptions,
        isClassifier: classification,
        seed: options.seed,
        useSampleBagging: options.bootstrap,
        ...(classification ? {} : { selectionMethod: 'mean' }),
        estimators: forest.trees.map((t) => ({ options: treeOptions, root: toMlNode(t, 0, options.classes, classification), name: classification ? 'DTClassifier' : 'DTRegression' })),
    };
    return classification ? { name: 'RFClassifier', baseModel } : { name: 'RFRegression', selectionMethod: 'mean', baseModel };
}
/** Rebuilds our flat trees from ml-random-forest's JSON (as written by toMlRandomForestJSON). */
function fromMlRandomForestJSON(json, options, features) {
    const base = json.baseModel;
    const classification = options.task === 'classification';
    const width = classification ? options.classes : 1;
    const trees = base.estimators.map(({ root }) => {
        const nodes = [];
        // Breadth-first numbering: children get consecutive numbers.
        const feature = [];
        const threshold = [];
        const left = [];
        const right = [];
        const value = [];
        const gain = [];
        nodes.push(root);
        for (let i = 0; i < nodes.length; i++) {
            const node = nodes[i];
            if (node.distribution !== undefined) {
                feature.push(-1);
                threshold.push(0);
                left.push(0);
                right.push(0);
                gain.push(0);
                if (classification)
                    value.push(...node.distribution[0]);
                else
                    value.push(node.distribution);
            }
            else {
                feature.push(node.splitColumn);
                threshold.push(node.splitValue);
                left.push(nodes.length);
                nodes.push(node.left);
                right.push(nodes.length);
                nodes.push(node.right);
                gain.push(node.gain ?? 0);
                for (let k = 0; k < width; k++)
                    value.push(0);
            }
        }
        return {
            feature: Int32Array.from(feature),
            threshold: Float64Array.from(threshold),
            left: Int32Array.from(left),
            right: Int32Array.from(right),
            value: Float64Array.from(value),
            gain: Float64Array.from(gain),
            nodes: feature.length,
        };
    });
    return { options, features, trees };
}
/** Class shares per row (row-major, K per row): the share of trees voting each class, as ml-random-forest's predictProbability. */
function predictShares(forest, columns) {
    const n = columns[0]?.length ?? 0;
    const K = forest.options.classes;
    const out = new Float64Array(n * K);
    for (let i = 0; i < n; i++) {
        const row = (f) => columns[f][i];
        for (const tree of forest.trees)
            out[i * K + leafClass(tree, leafOf(tree, row), K)] += 1;
        for (let k = 0; k < K; k++)
            out[i * K + k] /= forest.trees.length;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/steps/scoring.ts





/** A package used with a pipeline must have been trained for it: same name, task and target. */
function assertBelongs(pkg, cfg, file) {
    const diffs = [];
    if (pkg.pipeline !== cfg.name)
        diffs.push(`the pipeline "${pkg.pipeline}", not "${cfg.name}"`);
    if (pkg.task !== cfg.task)
        diffs.push(`${pkg.task}, not ${cfg.task}`);
    if (pkg.target.name !== cfg.target)
        diffs.push(`the target ${JSON.stringify(pkg.target.name)}, not ${JSON.stringify(cfg.target)}`);
    if (diffs.length > 0)
        throw new UserError(`${file} was trained for ${diffs.join(', ')} (as ${cfg.file} says); use a model of this pipeline`);
}
/** The columns the package needs that the data lacks (all of them, not the first). */
function missingFeatures(pkg, table) {
    const have = new Set(table.columns.map((c) => c.name));
    return pkg.encoding.columns.map((c) => c.name).filter((n) => !have.has(n));
}
/** The split key columns the package recorded that the data lacks. */
function missingKeyColumns(pkg, table) {
    return pkg.split.key_columns.filter((c) => !columnByName(table, c));
}
/** Every column the package needs (features, then split key columns), all named at once when missing. */
function requireColumns(pkg, table) {
    const missing = missingFeatures(pkg, table);
    if (missing.length > 0)
        throw new MissingColumnError(missing[0], `the model needs columns the data no longer has: ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
    const keyGone = missingKeyColumns(pkg, table);
    if (keyGone.length > 0)
        throw new MissingColumnError(keyGone[0], `the model's split key needs columns the data no longer has (${keyGone.map((m) => JSON.stringify(m)).join(', ')}), so its test rows cannot be found`);
}
/** The package's test rows of this table, by the split key it recorded. */
function testMask(pkg, table) {
    return testRowsOf(table, { columns: pkg.split.key_columns, seed: pkg.split.seed, testFraction: pkg.split.test_fraction });
}
/** The rows of `mask` that carry a label the model knows, with that label (class index or value). */
function labelledRows(pkg, table, mask, io) {
    const target = columnByName(table, pkg.target.name);
    if (!target)
        throw new MissingColumnError(pkg.target.name, `the target column ${JSON.stringify(pkg.target.name)} is missing from the data`);
    const classIndex = pkg.target.classes ? new Map(pkg.target.classes.map((c, i) => [c, i])) : undefined;
    const rows = [];
    const y = [];
    let unknown = 0;
    for (let r = 0; r < table.rowCount; r++) {
        if (!mask[r])
            continue;
        const cell = cellValue(target, r);
        if (cell === null)
            continue;
        const value = classIndex ? classIndex.get(String(cell)) : Number(cell);
        if (value === undefined || Number.isNaN(value)) {
            unknown++;
            continue;
        }
        rows.push(r);
        y.push(value);
    }
    if (unknown > 0)
        io.warning(`${unknown} test row${unknown === 1 ? ' has a label' : 's have labels'} the model never saw; they are left out of the scores`);
    return { rows, yTrue: Float64Array.from(y) };
}
/** The package's labelled test rows of this table. */
function packageTestRows(pkg, table, io) {
    return labelledRows(pkg, table, testMask(pkg, table), io);
}
function forestOf(pkg, features) {
    const options = {
        task: pkg.task,
        classes: pkg.target.classes?.length ?? 0,
        trees: pkg.params.trees,
        maxDepth: pkg.params.max_depth ?? Infinity,
        minSamplesLeaf: pkg.params.min_samples_leaf,
        maxFeatures: pkg.params.max_features,
        bootstrap: pkg.params.bootstrap,
        seed: pkg.params.seed,
    };
    return fromMlRandomForestJSON(pkg.forest, options, features);
}
/** Predictions of the package on the given rows of the table. */
function scoreRows(pkg, table, rows, yTrue) {
    const missing = missingFeatures(pkg, table);
    if (missing.length > 0)
        throw new MissingColumnError(missing[0], `the model needs columns the data no longer has: ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
    const columns = applyEncoding(subsetTable(table, rows), pkg.encoding);
    const forest = forestOf(pkg, columns.length);
    return {
        task: pkg.task,
        classes: pkg.target.classes,
        yTrue,
        yPred: predict(forest, columns),
        proba: pkg.task === 'classification' ? predictShares(forest, columns) : null,
    };
}
/** How many labels are exactly 0 (where scikit-learn's MAPE divides by ε and explodes). */
function zeroLabels(p) {
    if (p.task !== 'regression')
        return 0;
    let n = 0;
    for (const y of p.yTrue)
        if (y === 0)
            n++;
    return n;
}
/** The caveat printed beside a MAPE computed over zero labels. */
function mapeNote(zeros, rows) {
    return `mape: ${zeros.toLocaleString('en-US')} of the ${rows.toLocaleString('en-US')} rows have the label 0. As in scikit-learn, MAPE divides by max(|y|, ε) there, so those rows dominate it (it is left out of the chart); judge the model by mae or rmse.`;
}

;// CONCATENATED MODULE: ./src/steps/compare.ts
// The compare-to-champion step: score the champion and the candidate on the same rows (the rows that
// are test rows under both models' recorded splits, so neither trained on them), test the difference,
// apply the gates, report once.














const COMPARISON_FORMAT = 'mlops-comparison/1';
/** The champion as the store hands it over, verified against its published digest. */
async function findChampion(io, pipeline, allowFirstModel) {
    if (!io.champions) {
        // No place to look (no token in Actions) is not "no champion": deciding first-model here would
        // publish over a champion that exists.
        if (allowFirstModel) {
            io.warning('no champion source (no token), and allow-first-model is true: deciding as if there were no champion');
            return undefined;
        }
        throw new InputError('token', 'no token, so the champion cannot be looked up in the GitHub releases; pass a token (the default github.token needs contents: read), or set allow-first-model: true to decide without a champion');
    }
    const found = await io.champions.find(pipeline);
    if (!found)
        return undefined;
    checkPublished(found);
    const pkg = parseModel(found.source, found.bytes);
    if (pkg.pipeline !== pipeline)
        throw new ModelFormatError(found.source, `the champion was trained for the pipeline "${pkg.pipeline}", not "${pipeline}"; the registry entry is wrong`);
    return { pkg, source: found.source, sha256: found.sha256 };
}
/** Why the champion cannot be scored on this data, or undefined when it can. */
function unscorable(champion, candidate, table) {
    const gone = missingFeatures(champion, table);
    if (gone.length > 0)
        return `the champion needs columns the data no longer has (${gone.join(', ')}), so it cannot be scored; only the absolute thresholds apply`;
    if (champion.task !== candidate.task || champion.target.name !== candidate.target.name)
        return `the champion predicts ${champion.task === 'classification' ? 'a class' : 'a number'} for ${JSON.stringify(champion.target.name)}, the candidate ${candidate.task === 'classification' ? 'a class' : 'a number'} for ${JSON.stringify(candidate.target.name)}, so they cannot be scored on the same labels; only the absolute thresholds apply`;
    if (JSON.stringify(champion.target.classes) !== JSON.stringify(candidate.target.classes))
        return `the classes changed since the champion (${(champion.target.classes ?? []).join(', ')} → ${(candidate.target.classes ?? []).join(', ')}), so it cannot be scored on the same labels; only the absolute thresholds apply`;
    const keyGone = missingKeyColumns(champion, table);
    if (keyGone.length > 0)
        return `the champion's split key needs columns the data no longer has (${keyGone.join(', ')}), so its test rows cannot be found; only the absolute thresholds apply`;
    return undefined;
}
function identical(champ, cand) {
    for (let i = 0; i < cand.yPred.length; i++)
        if (champ.yPred[i] !== cand.yPred[i])
            return false;
    return true;
}
async function compareToChampion(inputs, io) {
    const cfg = await loadPipeline(inputs.pipeline ?? '', io.root, io.cwd);
    const paths = outputPaths(io, cfg.name, { report: 'comparison.md', record: 'comparison.json' });
    const candidatePath = userPath(io, inputs, 'candidate');
    const { pkg: candidate, bytes: candidateBytes } = await loadModel(candidatePath.abs, candidatePath.shown);
    assertBelongs(candidate, cfg, candidatePath.shown);
    const candidateSha = sha256Hex(candidateBytes);
    const champion = await findChampion(io, cfg.name, booleanInput(inputs, 'allow-first-model'));
    const { table } = await loadData(cfg, { data: optionalInput(inputs, 'data') }, io);
    const candidateMask = testMask(candidate, table);
    const candidateRows = labelledRows(candidate, table, candidateMask, io);
    if (candidateRows.rows.length === 0)
        throw new InputError('data', 'the data has no labelled test rows for the candidate');
    const evidence = {};
    let rows = candidateRows.rows;
    let yTrue = candidateRows.yTrue;
    let champPkg;
    if (champion) {
        evidence.unscorableChampion = unscorable(champion.pkg, candidate, table);
        if (evidence.unscorableChampion === undefined) {
            champPkg = champion.pkg;
            // Only rows that neither model trained on: the candidate's test rows that are the champion's too.
            const championMask = testMask(champPkg, table);
            const both = candidateRows.rows.map((r) => championMask[r] === 1);
            rows = candidateRows.rows.filter((_, i) => both[i]);
            yTrue = candidateRows.yTrue.filter((_, i) => both[i]);
            if (rows.length < cfg.gates.minComparedRows) {
                evidence.tooFewRows = `only ${rows.length} labelled row${rows.length === 1 ? ' is a test row' : 's are test rows'} of both the champion and the candidate (the candidate alone has ${candidateRows.rows.length}); at least ${cfg.gates.minComparedRows} are needed to decide (gates.min_compared_rows). The two splits differ: record a stable key (an id, or split.key) so that they agree`;
            }
        }
    }
    if (evidence.tooFewRows !== undefined) {
        // Nothing to decide on; the candidate is still scored on its own test rows, for the report.
        ({ rows, yTrue } = candidateRows);
        champPkg = undefined;
    }
    const cand = scoreRows(candidate, table, rows, yTrue);
    const champ = champPkg ? scoreRows(champPkg, table, rows, yTrue) : undefined;
    if (champ && champion) {
        if (champion.sha256 === candidateSha)
            evidence.identical = 'the candidate is the champion: their packages have the same sha256';
        else if (identical(champ, cand))
            evidence.identical = `the candidate predicts exactly what the champion predicts on all ${rows.length.toLocaleString('en-US')} compared rows`;
    }
    const primary = cfg.gates.primary;
    const candScalars = scalarMetrics(cand);
    const champScalars = champ ? scalarMetrics(champ) : undefined;
    const resamples = cfg.evaluation.bootstrap || 1000;
    const paired = champ ? pairedBootstrap(champ, cand, resamples, cfg.evaluation.seed) : {};
    if (champ && cfg.task === 'classification') {
        // Accuracy's paired test is McNemar's exact test on the rows only one model got right.
        let b = 0;
        let c = 0;
        for (let i = 0; i < rows.length; i++) {
            const champRight = champ.yPred[i] === yTrue[i];
            const candRight = cand.yPred[i] === yTrue[i];
            if (champRight && !candRight)
                b++;
            else if (candRight && !champRight)
                c++;
        }
        if (paired.accuracy)
            paired.accuracy.p = mcnemarExact(b, c);
    }
    const alpha = cfg.gates.alpha;
    const metrics = Object.keys(candScalars).map((name) => {
        const t = paired[name];
        return { name, champion: champScalars?.[name] ?? null, candidate: candScalars[name] ?? null, diff: t?.diff ?? null, ci: t?.ci ?? null, p: t?.p ?? null, significant: t ? t.p < alpha : null, lowerIsBetter: LOWER_IS_BETTER.has(name) };
    });
    const primaryTest = paired[primary];
    const verdict = decide({ primary, requireSignificantGain: cfg.gates.requireSignificantGain, alpha, metrics: cfg.gates.metrics }, candScalars, champScalars, primaryTest ? { p: primaryTest.p, diff: primaryTest.diff } : undefined, evidence);
    const slices = [];
    for (const name of cfg.evaluation.slices) {
        const col = columnByName(table, name);
        if (!col)
            continue;
        for (const [value, members] of sliceRows(rows.map((r) => cellValue(col, r)), cfg.evaluation.sliceBins)) {
            slices.push({ column: name, value, rows: members.length, champion: champ ? (scalarMetrics(champ, members)[primary] ?? null) : null, candidate: scalarMetrics(cand, members)[primary] ?? null });
        }
    }
    const zeros = zeroLabels(cand);
    const candFull = fullMetrics(cand);
    const env = process.env;
    const run = env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
    const artifact = artifactName(io, 'mlops-comparison', cfg.name, candidateSha);
    const view = {
        pipeline: cfg.name,
        marker: commentMarker(cfg.name),
        verdict,
        primary,
        metrics,
        classes: candidate.target.classes,
        confusion: 'confusion_matrix' in candFull ? { champion: champ ? fullMetrics(champ).confusion_matrix : null, candidate: candFull.confusion_matrix } : null,
        slices,
        importances: Object.entries(candidate.feature_importance).slice(0, 10),
        data: { files: table.files, testRows: rows.length, candidateTestRows: candidateRows.rows.length, labelledRows: candidate.rows.labelled, newRowsSinceChampion: champion ? candidate.rows.labelled - champion.pkg.rows.labelled : null, sha256: candidate.provenance.data_sha256 },
        candidate: { path: candidatePath.shown, sha256: candidateSha },
        champion: champion ? { source: champion.source, sha256: champion.sha256 } : null,
        links: { run, artifacts: run ? `${run}#artifacts` : null },
        notes: zeros > 0 ? [mapeNote(zeros, rows.length)] : [],
        unchartable: zeros > 0 ? ['mape'] : [],
        fullReport: `in the job summary and the artifact ${artifact}`,
    };
    const body = renderComparison(view);
    const comment = renderComment(view);
    // The artifact a follow-up workflow (workflow_run) posts from a fork's pull request: the comment-sized body.
    const record = { format: COMPARISON_FORMAT, pipeline: cfg.name, marker: view.marker, decision: verdict.decision, promote: verdict.promote, reasons: verdict.reasons, compared_rows: rows.length, candidate_sha256: candidateSha, champion: view.champion, body: comment };
    await writeOutputs(io, [
        [paths.report, body],
        [paths.record, `${JSON.stringify(record, null, 2)}\n`],
    ], [candidatePath.abs, ...runInputs(cfg, table)]);
    // Side effects after the work: a failure is a warning, and the verdict stands.
    if (io.comments)
        await sideEffect(io, 'the pull request comment', async () => io.info(await io.comments.upsert(view.marker, comment)));
    if (io.artifacts)
        await sideEffect(io, `the artifact ${artifact}`, async () => {
            const uploaded = await io.artifacts.upload(artifact, [paths.record.abs, paths.report.abs], paths.dir);
            io.info(`uploaded the artifact ${artifact} (id ${uploaded.id ?? '?'})`);
        });
    const ok = verdict.decision !== 'reject';
    return {
        ok,
        ...(ok ? {} : { failure: `the candidate was rejected: ${verdict.reasons.join('; ')}` }),
        outputs: { decision: verdict.decision, promote: String(verdict.promote), reasons: JSON.stringify(verdict.reasons), report: paths.report.shown, 'compared-rows': String(rows.length), artifact: io.artifacts ? artifact : '' },
        summary: body,
    };
}

;// CONCATENATED MODULE: ./src/engine/registry/model-card.ts
// The model card, in Hugging Face's layout: YAML metadata (with `model-index` results, which the Hub
// and other tools read) and then Markdown for people. It is the release's body too, so everything that
// comes from data or config is escaped.


const e = (s, max = 200) => escapeMarkdown(s, max);
const model_card_num = (v) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(4));
/** The slices where the primary metric is weakest, for the limitations. */
function weakest(metrics, primary, lowerIsBetter, n = 5) {
    return metrics.slices
        .filter((s) => typeof s.metrics[primary] === 'number' && s.rows >= 5)
        .sort((a, b) => (lowerIsBetter ? b.metrics[primary] - a.metrics[primary] : a.metrics[primary] - b.metrics[primary]))
        .slice(0, n);
}
function modelCard(pkg, record, metrics, comparison, lowerIsBetter) {
    const task = pkg.task === 'classification' ? 'tabular-classification' : 'tabular-regression';
    const meta = {
        library_name: 'mlops-actions',
        tags: ['random-forest', 'ml-random-forest', task, 'mlops-actions'],
        'model-index': [
            {
                name: pkg.pipeline,
                results: [
                    {
                        task: { type: task, name: pkg.task === 'classification' ? 'Tabular Classification' : 'Tabular Regression' },
                        dataset: { name: pkg.provenance.data_files.join(', '), type: 'tabular', revision: pkg.provenance.data_sha256 },
                        metrics: Object.entries(metrics.values)
                            .filter((entry) => typeof entry[1] === 'number' && Number.isFinite(entry[1]))
                            .map(([name, value]) => ({ type: name, value: Number(value.toPrecision(6)), name })),
                    },
                ],
            },
        ],
    };
    const out = ['---', (0,dist/* stringify */.As)(meta, { lineWidth: 0 }).trimEnd(), '---', ''];
    out.push(`# ${e(pkg.pipeline)} v${record.version}`, '');
    out.push(`A random forest of ${pkg.params.trees} trees (${pkg.task}) that predicts ${e(JSON.stringify(pkg.target.name))}${pkg.target.classes ? ` (${pkg.target.classes.map((c) => e(c, 40)).join(', ')})` : ''}, in ml-random-forest's format.`, '');
    out.push('## Intended use', '');
    out.push(`Predicting ${e(JSON.stringify(pkg.target.name))} for rows shaped like the training data: the same ${pkg.encoding.columns.length} feature columns, with the types of the schema in the package. Unknown categories and missing values are handled as in training (missing goes right at every split; an unseen category is "none of the known levels"). It is not meant for data whose distribution differs from the training data's: watch it with drift-report.`, '');
    out.push('## Data', '');
    out.push(`- files: ${pkg.provenance.data_files.map((f) => `<code>${e(f)}</code>`).join(', ')}`);
    out.push(`- sha256: \`${pkg.provenance.data_sha256}\``);
    out.push(`- rows: ${pkg.rows.total.toLocaleString('en-US')} (${pkg.rows.train.toLocaleString('en-US')} train, ${pkg.rows.test.toLocaleString('en-US')} test; split key ${pkg.split.key_columns.length === 1 ? e(JSON.stringify(pkg.split.key_columns[0])) : `${pkg.split.key_columns.length} columns`}, seed ${pkg.split.seed}, test fraction ${pkg.split.test_fraction})`, '');
    out.push('## Metrics', '', `On ${metrics.testRows.toLocaleString('en-US')} test rows, with 95% bootstrap intervals.`, '', '| Metric | Value | 95% CI |', '|---|---:|---|');
    for (const [name, value] of Object.entries(metrics.values)) {
        const ci = metrics.ci[name];
        out.push(`| ${e(name)} | ${model_card_num(value)} | ${ci ? `${model_card_num(ci[0])} – ${model_card_num(ci[1])}` : '–'} |`);
    }
    for (const note of metrics.notes)
        out.push('', `> ${e(note, 400)}`);
    out.push('', '## Gates and comparison', '');
    if (record.rollback_of !== null)
        out.push(`A rollback: this version restores v${record.rollback_of}'s model.`, '');
    if (comparison) {
        out.push(`Decision: **${e(comparison.decision)}**${comparison.compared_rows !== undefined ? ` on ${comparison.compared_rows.toLocaleString('en-US')} rows that neither model trained on` : ''}.`, '');
        for (const r of comparison.reasons)
            out.push(`- ${e(r, 300)}`);
        if (comparison.champion)
            out.push('', `Previous champion: ${e(comparison.champion.source)} (sha256 ${comparison.champion.sha256.slice(0, 12)}…).`);
    }
    else
        out.push(record.reasons.map((r) => `- ${e(r, 300)}`).join('\n') || '- none recorded');
    out.push('', '## Lineage', '');
    out.push(`- commit: ${record.commit ? `\`${e(record.commit, 64)}\`` : 'unknown'}`);
    out.push(`- config sha256: \`${pkg.provenance.config_sha256}\``);
    out.push(`- parameters: trees ${pkg.params.trees}, max_depth ${pkg.params.max_depth ?? 'unlimited'}, min_samples_leaf ${pkg.params.min_samples_leaf}, max_features ${e(String(pkg.params.max_features))}, bootstrap ${pkg.params.bootstrap}, seed ${pkg.params.seed}`);
    out.push(`- model package sha256: \`${record.model_sha256}\``);
    out.push(`- trained by ${e(pkg.provenance.tool)}${pkg.provenance.created_at ? ` at ${e(pkg.provenance.created_at)}` : ''}; published ${e(record.published_at)}`, '');
    out.push('## Limitations', '');
    const primary = record.primary.metric;
    const worst = weakest(metrics, primary, lowerIsBetter(primary));
    if (worst.length > 0) {
        out.push(`Where ${e(primary)} is weakest (slices of at least 5 test rows):`, '', '| Column | Value | Rows | ' + e(primary) + ' |', '|---|---|---:|---:|');
        for (const s of worst)
            out.push(`| ${e(s.column, 60)} | ${e(s.value, 60)} | ${s.rows} | ${model_card_num(s.metrics[primary])} |`);
    }
    else
        out.push('No slices were evaluated (`evaluation.slices`), so weak spots are not known.');
    out.push('', 'Metrics are measured on a held-out split of the same data, not on data from after training; a change in the data can make them optimistic. Changes against the champion are tested with McNemar\'s exact test (accuracy) and a paired bootstrap (the other metrics).');
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(57975);
;// CONCATENATED MODULE: ./src/adapters/git.ts
// Provenance from git: the commit a model was trained at, and that commit's time (for a timestamp that
// is reproducible, unlike the clock). Outside a git checkout both are unknown, never guessed.


const run = (0,external_node_util_.promisify)(external_node_child_process_namespaceObject.execFile);
async function git(root, ...args) {
    try {
        const { stdout } = await run('git', args, { cwd: root, timeout: 10000 });
        return stdout.trim() || undefined;
    }
    catch {
        return undefined;
    }
}
/** GITHUB_SHA, else HEAD; SOURCE_DATE_EPOCH, else the commit's time; else null. */
async function provenance(root, env = process.env) {
    const commit = env.GITHUB_SHA || (await git(root, 'rev-parse', 'HEAD')) || null;
    let epoch = env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) ? Number(env.SOURCE_DATE_EPOCH) : undefined;
    if (epoch === undefined && commit) {
        const t = await git(root, 'log', '-1', '--format=%ct', commit);
        if (t && /^\d+$/.test(t))
            epoch = Number(t);
    }
    return { commit, createdAt: epoch === undefined ? null : new Date(epoch * 1000).toISOString() };
}

;// CONCATENATED MODULE: ./src/steps/evaluate.ts
// The evaluate step: the model's metrics on its test split of the current data, with 95% intervals
// and per-slice metrics; a JSON file for machines and a Markdown report for people. Nothing is written
// until everything is computed, so a refused model leaves the last good report in place.











const METRICS_FORMAT = 'mlops-metrics/1';
const evaluate_fmt = (v) => (v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : Math.abs(v) >= 1000 ? v.toFixed(1) : v.toFixed(4));
async function evaluate(inputs, io) {
    const cfg = await loadPipeline(inputs.pipeline ?? '', io.root, io.cwd);
    const paths = outputPaths(io, cfg.name, { metrics: 'metrics.json', report: 'evaluation.md' });
    const model = userPath(io, inputs, 'model');
    const { pkg, bytes } = await loadModel(model.abs, model.shown);
    assertBelongs(pkg, cfg, model.shown);
    const { table } = await loadData(cfg, { data: optionalInput(inputs, 'data') }, io);
    requireColumns(pkg, table);
    const { rows, yTrue } = packageTestRows(pkg, table, io);
    if (rows.length === 0)
        throw new InputError('data', 'the data has no labelled test rows for this model');
    const predictions = scoreRows(pkg, table, rows, yTrue);
    const metrics = fullMetrics(predictions);
    const ci = cfg.evaluation.bootstrap > 0 ? bootstrapIntervals(predictions, cfg.evaluation.bootstrap, cfg.evaluation.seed) : {};
    const slices = [];
    for (const name of cfg.evaluation.slices) {
        const col = columnByName(table, name);
        if (!col) {
            io.warning(`evaluation.slices names ${JSON.stringify(name)}, which is not a column; skipped`);
            continue;
        }
        const groups = sliceRows(rows.map((r) => cellValue(col, r)), cfg.evaluation.sliceBins);
        for (const [value, members] of groups)
            slices.push({ column: name, value, rows: members.length, metrics: scalarMetrics(predictions, members) });
    }
    const zeros = zeroLabels(predictions);
    const notes = zeros > 0 ? [mapeNote(zeros, rows.length)] : [];
    const digest = `sha256:${sha256Hex(bytes)}`;
    const out = { format: METRICS_FORMAT, ...metrics, ci, slices, notes, rows: { test: rows.length }, model: { path: model.shown, digest, pipeline: pkg.pipeline }, data: { files: table.files } };
    const lines = [`### evaluate: ${escapeMarkdown(cfg.name)}`, '', `Model <code>${escapeMarkdown(model.shown)}</code> (${digest}) on ${rows.length.toLocaleString('en-US')} test rows of ${table.files.map((f) => `<code>${escapeMarkdown(f)}</code>`).join(', ')}.`, ''];
    lines.push('| Metric | Value | 95% CI |', '|---|---:|---|');
    for (const [name, value] of Object.entries(scalarMetrics(predictions))) {
        const interval = ci[name];
        lines.push(`| ${name} | ${evaluate_fmt(value)} | ${interval ? `${evaluate_fmt(interval[0])} – ${evaluate_fmt(interval[1])}` : '–'} |`);
    }
    for (const note of notes)
        lines.push('', `> ${escapeMarkdown(note, 400)}`);
    if ('confusion_matrix' in metrics) {
        const classes = pkg.target.classes;
        lines.push('', '**Per class**', '', '| Class | Precision | Recall | F1 | Support |', '|---|---:|---:|---:|---:|');
        for (const c of classes) {
            const m = metrics.per_class[c];
            lines.push(`| ${escapeMarkdown(c, 40)} | ${evaluate_fmt(m.precision)} | ${evaluate_fmt(m.recall)} | ${evaluate_fmt(m.f1)} | ${m.support} |`);
        }
        lines.push('', '**Confusion matrix** (rows: true class, columns: predicted)', '', `| | ${classes.map((c) => escapeMarkdown(c, 40)).join(' | ')} |`, `|---|${classes.map(() => '---:').join('|')}|`);
        metrics.confusion_matrix.forEach((row, k) => lines.push(`| **${escapeMarkdown(classes[k], 40)}** | ${row.join(' | ')} |`));
    }
    if (slices.length > 0) {
        const keys = Object.keys(slices[0].metrics).slice(0, 3);
        lines.push('', '**Slices**', '', `| Column | Value | Rows | ${keys.join(' | ')} |`, `|---|---|---:|${keys.map(() => '---:').join('|')}|`);
        for (const s of slices)
            lines.push(`| ${escapeMarkdown(s.column, 40)} | ${escapeMarkdown(s.value, 60)} | ${s.rows} | ${keys.map((k) => evaluate_fmt(s.metrics[k])).join(' | ')} |`);
    }
    const report = `${lines.join('\n')}\n`;
    await writeOutputs(io, [
        [paths.metrics, `${JSON.stringify(out, null, 2)}\n`],
        [paths.report, report],
    ], [model.abs, ...runInputs(cfg, table)]);
    return { ok: true, outputs: { metrics: paths.metrics.shown, report: paths.report.shown }, summary: report };
}

;// CONCATENATED MODULE: ./src/steps/publish.ts
// The publish-model step: a winning candidate becomes the next version of the pipeline's model in the
// registry (a GitHub release, or models/ locally), with its model card and checksums. A loser changes
// nothing. It re-reads the champion just before publishing, so that a comparison made against a
// champion that has since moved is refused (the workflow compares again). It can also roll back: make
// an earlier version the champion again, as a new version that carries its files.















const PROMOTABLE = new Set(['promote', 'first-model']);
async function readJson(file, what) {
    let text;
    try {
        text = await (0,promises_.readFile)(file.abs, 'utf8');
    }
    catch (err) {
        throw new UserError(`${file.shown}: cannot read ${what} (${err.code ?? String(err)}); run ${what === 'the comparison' ? 'compare-to-champion' : 'evaluate'} first`);
    }
    try {
        const value = JSON.parse(text);
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            throw new Error('not an object');
        return value;
    }
    catch (err) {
        throw new UserError(`${file.shown}: ${what} is not JSON (${err.message})`);
    }
}
function cardMetrics(metrics, scalars) {
    const values = {};
    for (const name of scalars)
        if (Object.hasOwn(metrics, name))
            values[name] = typeof metrics[name] === 'number' ? metrics[name] : null;
    return {
        values,
        ci: (metrics.ci ?? {}),
        slices: (metrics.slices ?? []),
        testRows: (metrics.rows?.test ?? 0),
        notes: (metrics.notes ?? []),
    };
}
const SCALARS = [...CLASSIFICATION_METRICS, ...REGRESSION_METRICS];
function outputsOf(v, modelSha) {
    return { version: String(v.version), tag: v.tag, 'release-url': v.url, 'model-digest': `sha256:${modelSha}` };
}
function summary(cfg, v, modelSha, registry, note) {
    return [`### publish-model: ${escapeMarkdown(cfg.name)} v${v.version}`, '', `${note} Tag \`${v.tag}\` in ${escapeMarkdown(registry.where)}: ${escapeMarkdown(v.url, 300)}.`, '', `Model package sha256: \`${modelSha}\`.`, ''].join('\n');
}
/** The files of a version, SHA256SUMS last. */
function withSums(files) {
    return [...files, { name: SUMS_ASSET, bytes: Buffer.from(formatSums(files)) }];
}
async function record(cfg, io, version, modelSha, decision, reasons, rollbackOf, previous, primaryValue) {
    const prov = await provenance(io.root);
    return {
        format: RELEASE_FORMAT,
        pipeline: cfg.name,
        version,
        tag: tagOf(cfg.name, version),
        model_sha256: modelSha,
        decision,
        reasons,
        // The commit's time (or SOURCE_DATE_EPOCH), so that a re-run makes the same bytes and keeps the
        // assets already uploaded; the clock only where neither is known.
        published_at: prov.createdAt ?? new Date().toISOString(),
        commit: prov.commit,
        rollback_of: rollbackOf,
        previous: previous ? { version: previous.version ?? 0, sha256: previous.sha256 } : null,
        primary: { metric: cfg.gates.primary, value: primaryValue },
    };
}
function parseVersion(cfg, raw) {
    const version = parseVersionArg(cfg.name, raw);
    if (version === undefined)
        throw new InputError('rollback-to', `${JSON.stringify(raw)} is not a version of "${cfg.name}" (write 3, v3 or ${cfg.name}-v3)`);
    return version;
}
async function rollback(cfg, io, registry, target) {
    const source = `${registry.where} ${tagOf(cfg.name, target)}`;
    // files() hands over every file verified against the version's SHA256SUMS.
    const files = await registry.files(cfg.name, target);
    const model = modelFile(source, cfg.name, files);
    const modelSha = sha256Hex(model.bytes);
    const pkg = parseModel(`${source} ${model.name}`, model.bytes);
    assertBelongs(pkg, cfg, source);
    const current = await registry.find(cfg.name);
    const versions = await registry.versions(cfg.name);
    if (current?.sha256 === modelSha) {
        const same = versions[versions.length - 1];
        return { ok: true, outputs: outputsOf(same, modelSha), summary: summary(cfg, same, modelSha, registry, `v${target}'s model is the champion already (v${same.version}); nothing was published.`) };
    }
    const version = nextVersion(versions.map((v) => v.version));
    const metrics = files.find((f) => f.name === METRICS_ASSET);
    const metricsJson = metrics ? JSON.parse(metrics.bytes.toString('utf8')) : {};
    const primaryValue = typeof metricsJson[cfg.gates.primary] === 'number' ? metricsJson[cfg.gates.primary] : null;
    const rec = await record(cfg, io, version, modelSha, 'rollback', [`rollback to v${target}: its model becomes the champion again`], target, current, primaryValue);
    const card = modelCard(pkg, rec, cardMetrics(metricsJson, SCALARS), null, (m) => LOWER_IS_BETTER.has(m));
    const carried = files.filter((f) => f.name === METRICS_ASSET || f.name === COMPARISON_ASSET);
    const release = withSums([{ name: MODEL_ASSET(cfg.name), bytes: model.bytes }, ...carried, { name: CARD_ASSET, bytes: Buffer.from(card) }, { name: RECORD_ASSET, bytes: Buffer.from(`${JSON.stringify(rec, null, 2)}\n`) }]);
    const published = await registry.publish(cfg.name, release, rec);
    return { ok: true, outputs: outputsOf(published, modelSha), summary: summary(cfg, published, modelSha, registry, `Rolled back: v${published.version} carries v${target}'s model and is the champion.`) };
}
async function publishModel(inputs, io) {
    const cfg = await loadPipeline(inputs.pipeline ?? '', io.root, io.cwd);
    const registry = io.registry;
    if (!registry)
        throw new InputError('token', 'no token, so there is no registry to publish to; pass a token with contents: write');
    const rollbackTo = optionalInput(inputs, 'rollback-to');
    if (rollbackTo !== undefined)
        return rollback(cfg, io, registry, parseVersion(cfg, rollbackTo));
    const force = booleanInput(inputs, 'force');
    const modelPath = userPath(io, inputs, 'model', `out/${cfg.name}/model.json`, true);
    const { pkg, bytes: raw } = await loadModel(modelPath.abs, modelPath.shown);
    assertBelongs(pkg, cfg, modelPath.shown);
    const rawSha = sha256Hex(raw);
    // The asset is always gzipped (packages of large data are hundreds of MB as JSON); gzip has no clock here.
    const asset = isGzip(raw) ? raw : (0,external_node_zlib_.gzipSync)(raw, { level: 9 });
    const modelSha = sha256Hex(asset);
    const comparisonPath = userPath(io, inputs, 'comparison', `out/${cfg.name}/comparison.json`, true);
    const comparison = await readJson(comparisonPath, 'the comparison');
    if (comparison.format !== COMPARISON_FORMAT || comparison.pipeline !== cfg.name)
        throw new UserError(`${comparisonPath.shown}: not a ${COMPARISON_FORMAT} comparison of "${cfg.name}"`);
    if (comparison.candidate_sha256 !== rawSha)
        throw new UserError(`${comparisonPath.shown} compares another model (sha256 ${String(comparison.candidate_sha256).slice(0, 12)}…), not ${modelPath.shown} (${rawSha.slice(0, 12)}…); compare this model first`);
    const decision = String(comparison.decision);
    const reasons = (Array.isArray(comparison.reasons) ? comparison.reasons : []).map(String);
    if (!PROMOTABLE.has(decision) && !force) {
        return { ok: false, failure: `the comparison decided "${decision}", so nothing is published (force: true publishes anyway): ${reasons.join('; ')}`, outputs: { version: '', tag: '', 'release-url': '', 'model-digest': `sha256:${modelSha}` }, summary: `### publish-model: ${escapeMarkdown(cfg.name)}\n\nNot published: the comparison decided **${escapeMarkdown(decision)}**.\n` };
    }
    const metricsPath = userPath(io, inputs, 'metrics', `out/${cfg.name}/metrics.json`, true);
    const metrics = await readJson(metricsPath, 'the metrics');
    if (metrics.format !== METRICS_FORMAT || metrics.model?.digest !== `sha256:${rawSha}`)
        throw new UserError(`${metricsPath.shown} is not evaluate's metrics of ${modelPath.shown}; run evaluate on this model first`);
    // Race-safe: the champion now must be the one the comparison was made against.
    const current = await registry.find(cfg.name);
    const versions = await registry.versions(cfg.name);
    if (current && current.sha256 === modelSha) {
        const same = versions[versions.length - 1] ?? { version: current.version ?? 0, tag: tagOf(cfg.name, current.version ?? 0), url: current.source, record: null };
        return { ok: true, outputs: outputsOf(same, modelSha), summary: summary(cfg, same, modelSha, registry, 'This model is the champion already (a re-run); nothing more was published.') };
    }
    const compared = comparison.champion?.sha256 ?? null;
    if ((current?.sha256 ?? null) !== compared) {
        const was = compared ? `${compared.slice(0, 12)}…` : 'none';
        const now = current ? `${current.source} (${current.sha256.slice(0, 12)}…)` : 'none';
        return { ok: false, failure: `the champion changed since the comparison (it was ${was}, it is now ${now}); nothing is published. Compare the candidate again against the champion as it is now`, outputs: { version: '', tag: '', 'release-url': '', 'model-digest': `sha256:${modelSha}` }, summary: `### publish-model: ${escapeMarkdown(cfg.name)}\n\nNot published: the champion changed since the comparison.\n` };
    }
    const version = nextVersion(versions.map((v) => v.version));
    const primaryValue = typeof metrics[cfg.gates.primary] === 'number' ? metrics[cfg.gates.primary] : null;
    const rec = await record(cfg, io, version, modelSha, force && !PROMOTABLE.has(decision) ? `forced (${decision})` : decision, reasons, null, current, primaryValue);
    const card = modelCard(pkg, rec, cardMetrics(metrics, SCALARS), comparison, (m) => LOWER_IS_BETTER.has(m));
    const release = withSums([
        { name: MODEL_ASSET(cfg.name), bytes: asset },
        { name: METRICS_ASSET, bytes: await (0,promises_.readFile)(metricsPath.abs) },
        { name: CARD_ASSET, bytes: Buffer.from(card) },
        { name: COMPARISON_ASSET, bytes: await (0,promises_.readFile)(comparisonPath.abs) },
        { name: RECORD_ASSET, bytes: Buffer.from(`${JSON.stringify(rec, null, 2)}\n`) },
    ]);
    const published = await registry.publish(cfg.name, release, rec);
    if (io.attest)
        await io.attest(MODEL_ASSET(cfg.name), modelSha);
    return { ok: true, outputs: outputsOf(published, modelSha), summary: `${summary(cfg, published, modelSha, registry, `Published v${published.version}: the champion now.`)}\n${card.slice(card.indexOf('\n# '))}` };
}

;// CONCATENATED MODULE: ./src/steps/deploy.ts
// The deploy step: a published version goes to a serving endpoint. Its files are verified against the
// release's SHA256SUMS first; the endpoint (mlops serve) checks the digest again, smoke-tests the model
// and swaps it in atomically, so on any failure the old model keeps serving. The step then asks the
// endpoint's /version for the new digest. In Actions the deployment is recorded as a GitHub Deployment
// that always ends in success or failure, also when the step fails.






const TIMEOUT_MS = 120_000;
async function call(url, init, what) {
    try {
        return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    }
    catch (err) {
        throw new UserError(`${what}: ${url} did not answer (${err.cause instanceof Error ? err.cause.message : err.message})`);
    }
}
async function errorOf(res) {
    const text = await res.text().catch(() => '');
    try {
        return String(JSON.parse(text).error ?? text).slice(0, 300);
    }
    catch {
        return text.slice(0, 300);
    }
}
async function deploy(inputs, io) {
    const cfg = await loadPipeline(inputs.pipeline ?? '', io.root, io.cwd);
    const registry = io.registry;
    if (!registry)
        throw new InputError('token', 'no token, so the release cannot be read; pass a token with contents: read');
    const base = (optionalInput(inputs, 'url') ?? '').replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]/.test(base))
        throw new InputError('url', `${JSON.stringify(inputs.url ?? '')} is not an http(s) address`);
    const adminToken = optionalInput(inputs, 'admin-token') ?? process.env.MLOPS_ADMIN_TOKEN ?? '';
    if (!adminToken)
        throw new InputError('admin-token', 'is required (or the MLOPS_ADMIN_TOKEN environment variable): the endpoint takes a model only with its bearer token');
    const environment = optionalInput(inputs, 'environment') ?? 'production';
    const raw = optionalInput(inputs, 'version');
    let version;
    if (raw !== undefined) {
        const parsed = parseVersionArg(cfg.name, raw);
        if (parsed === undefined)
            throw new InputError('version', `${JSON.stringify(raw)} is not a version of "${cfg.name}" (write 3, v3 or ${cfg.name}-v3)`);
        version = parsed;
    }
    else {
        const versions = await registry.versions(cfg.name);
        if (versions.length === 0)
            throw new UserError(`"${cfg.name}" has no published version in ${registry.where}; publish one first`);
        version = versions[versions.length - 1].version;
    }
    const tag = tagOf(cfg.name, version);
    // Verified before anything is sent: files() checks every file of the release against its SHA256SUMS.
    const model = modelFile(`${registry.where} ${tag}`, cfg.name, await registry.files(cfg.name, version));
    const sha = sha256Hex(model.bytes);
    const tracker = io.deployments;
    const id = tracker ? await tracker.start(tag, environment, { pipeline: cfg.name, version, model_sha256: sha }, `${cfg.name} v${version}`) : undefined;
    let state = 'failure';
    let why = 'the step stopped before the model was delivered';
    try {
        if (tracker && id !== undefined)
            await tracker.status(id, 'in_progress', base, `delivering ${tag}`);
        const put = await call(`${base}/admin/model`, { method: 'PUT', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/octet-stream', 'x-model-sha256': sha, 'x-model-version': `v${version}` }, body: model.bytes }, 'deploy');
        if (put.status !== 200)
            throw new UserError(`${base}/admin/model refused ${tag} (HTTP ${put.status}: ${await errorOf(put)}); the endpoint keeps serving its old model`);
        const check = await call(`${base}/version`, {}, 'deploy');
        const served = check.status === 200 ? (await check.json()).model_digest : undefined;
        if (served !== `sha256:${sha}`)
            throw new UserError(`${base}/version answers ${JSON.stringify(served ?? `HTTP ${check.status}`)}, not sha256:${sha}: the endpoint does not serve ${tag}`);
        state = 'success';
        why = `${tag} is served (sha256:${sha.slice(0, 12)}…)`;
    }
    catch (err) {
        why = err.message.slice(0, 140);
        throw err;
    }
    finally {
        if (tracker && id !== undefined)
            await tracker.status(id, state, base, why);
    }
    return {
        ok: true,
        outputs: { 'deployment-id': id === undefined ? '' : String(id), version: String(version), url: base, 'model-digest': `sha256:${sha}` },
        summary: `### deploy: ${escapeMarkdown(cfg.name)} v${version}\n\n${escapeMarkdown(tag)} (sha256 \`${sha}\`) is served at ${escapeMarkdown(base, 300)}${id === undefined ? '' : `; deployment ${id} to ${escapeMarkdown(environment)}`}.\n`,
    };
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(73136);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(75919);
;// CONCATENATED MODULE: ./src/engine/forest/pool.ts
// Trains a forest's trees on worker threads. Tree k depends only on (seed, k), and the trees are put
// back in index order, so the forest is identical whatever the number of threads. The binned features
// and labels are shared with the workers (SharedArrayBuffer), never copied per worker.



function toShared(a) {
    const sab = new SharedArrayBuffer(a.byteLength);
    new Uint8Array(sab).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    return sab;
}
/** The worker's side: train the trees it was given, post each one back as it finishes. */
function forestWorkerMain() {
    const input = external_node_worker_threads_.workerData;
    const all = new Uint8Array(input.bins);
    const binned = input.thresholds.map((thresholds, f) => ({ bins: all.subarray(f * input.n, (f + 1) * input.n), thresholds, count: input.counts[f] }));
    const labels = { yClass: input.yClass ? new Int32Array(input.yClass) : undefined, yValue: input.yValue ? new Float64Array(input.yValue) : undefined };
    for (const k of input.treeIds) {
        const { tree } = trainTree(binned, labels, input.options, k);
        const buffers = [tree.feature.buffer, tree.threshold.buffer, tree.left.buffer, tree.right.buffer, tree.value.buffer, tree.gain.buffer];
        external_node_worker_threads_.parentPort.postMessage({ k, tree }, buffers);
    }
}
/** The number of threads to use by default: every core. */
function defaultThreads() {
    return Math.max(1, (0,external_node_os_.availableParallelism)());
}
async function trainForest(data, options, threads = defaultThreads(), onProgress) {
    const start = performance.now();
    const binned = binAll(data.columns);
    const trees = new Array(options.trees);
    const labels = { yClass: data.yClass, yValue: data.yValue };
    const report = (done) => onProgress?.({ done, total: options.trees, seconds: (performance.now() - start) / 1000 });
    const workers = Math.min(threads, options.trees);
    if (workers <= 1 || !external_node_worker_threads_.isMainThread) {
        for (let k = 0; k < options.trees; k++) {
            trees[k] = trainTree(binned, labels, options, k).tree;
            report(k + 1);
        }
        return { options, features: binned.length, trees };
    }
    const n = data.columns[0]?.length ?? 0;
    const bins = new SharedArrayBuffer(n * binned.length);
    const view = new Uint8Array(bins);
    binned.forEach((b, f) => view.set(b.bins, f * n));
    const shared = {
        n,
        bins,
        thresholds: binned.map((b) => b.thresholds),
        counts: binned.map((b) => b.count),
        yClass: data.yClass ? toShared(data.yClass) : undefined,
        yValue: data.yValue ? toShared(data.yValue) : undefined,
        options,
    };
    let done = 0;
    // The worker imports this very module (the .ts source in tests, the bundle in production).
    const entry = `import(${JSON.stringify(import.meta.url)}).then((m) => m.forestWorkerMain());`;
    await Promise.all(Array.from({ length: workers }, (_, w) => {
        const treeIds = Array.from({ length: options.trees }, (_, k) => k).filter((k) => k % workers === w);
        const input = { ...shared, treeIds };
        return new Promise((resolve, reject) => {
            const worker = new external_node_worker_threads_.Worker(entry, { eval: true, workerData: input });
            worker.on('message', (m) => {
                trees[m.k] = m.tree;
                report(++done);
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a training thread exited with code ${code}`))));
        });
    }));
    return { options, features: binned.length, trees };
}

;// CONCATENATED MODULE: ./src/engine/model/profile.ts
const PROFILE_QUANTILES = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];
const HISTOGRAM_BINS = 10;
const TOP_CATEGORIES = 50;
function numericProfile(col) {
    const present = col.values.filter((v) => v === v).sort();
    const n = present.length;
    const q = (p) => (n === 0 ? null : present[Math.min(n - 1, Math.floor(p * (n - 1) + 0.5))]);
    const mean = n === 0 ? null : present.reduce((a, b) => a + b, 0) / n;
    const lo = n ? present[0] : 0;
    const hi = n ? present[n - 1] : 0;
    const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => lo + ((hi - lo) * i) / HISTOGRAM_BINS);
    const counts = new Array(HISTOGRAM_BINS).fill(0);
    for (const v of present)
        counts[hi === lo ? 0 : Math.min(HISTOGRAM_BINS - 1, Math.floor(((v - lo) / (hi - lo)) * HISTOGRAM_BINS))]++;
    return { type: col.type, count: col.values.length, missing: col.values.length - n, mean, quantiles: PROFILE_QUANTILES.map(q), histogram: { edges, counts } };
}
function categoricalProfile(col) {
    const counts = new Float64Array(col.levels.length);
    let missing = 0;
    for (const c of col.codes) {
        if (c < 0)
            missing++;
        else
            counts[c]++;
    }
    if (col.type === 'text') {
        let length = 0;
        counts.forEach((n, i) => (length += n * col.levels[i].length));
        const present = col.codes.length - missing;
        return { type: 'text', count: col.codes.length, missing, mean_length: present ? length / present : null };
    }
    // Most frequent first; ties by name, so the profile does not depend on row order.
    const order = col.levels.map((l, i) => ({ l, n: counts[i] })).filter((x) => x.n > 0).sort((a, b) => b.n - a.n || (a.l < b.l ? -1 : a.l > b.l ? 1 : 0));
    const top = Object.create(null);
    for (const { l, n } of order.slice(0, TOP_CATEGORIES))
        top[l] = n;
    const other = order.slice(TOP_CATEGORIES).reduce((a, x) => a + x.n, 0);
    return { type: col.type, count: col.codes.length, missing, top: { ...top }, other, distinct: order.length };
}
function profileTable(table) {
    return Object.fromEntries(table.columns.map((c) => [c.name, c.kind === 'numeric' ? numericProfile(c) : categoricalProfile(c)]));
}

;// CONCATENATED MODULE: ./src/version.ts
// The suite's version: package.json's, checked by a test (the bundle cannot read package.json at run time).
const VERSION = '0.1.0';
const TOOL = `mlops-actions@${VERSION}`;

;// CONCATENATED MODULE: ./src/steps/train.ts
// The train step: split, encode, grow the forest, and write the model package.
























/** The most memory the encoded training columns may take: beyond it, training would exhaust a runner. */
const MAX_ENCODED_BYTES = 2 * 1024 ** 3;
/** The target as model labels: classes sorted by name (so their order never depends on row order). */
function labelsOf(cfg, table) {
    const col = columnByName(table, cfg.target);
    if (!col)
        throw new DataFileError(table.files.join(', '), `the target column ${JSON.stringify(cfg.target)} is missing`);
    const n = table.rowCount;
    const labelled = new Uint8Array(n);
    if (cfg.task === 'regression') {
        if (col.kind !== 'numeric')
            throw new UserError(`a regression target must be numeric; ${JSON.stringify(cfg.target)} holds ${col.type} values (run validate-data)`);
        const yValue = Float64Array.from(col.values);
        yValue.forEach((v, i) => (labelled[i] = v === v ? 1 : 0));
        return { classes: null, yClass: undefined, yValue, labelled };
    }
    const text = (c, r) => {
        const v = cellValue(c, r);
        return v === null ? undefined : String(v);
    };
    const seen = new Set();
    for (let r = 0; r < n; r++) {
        const t = text(col, r);
        if (t !== undefined)
            seen.add(t);
    }
    const numericLabels = col.kind === 'numeric';
    const classes = [...seen].sort((a, b) => (numericLabels ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
    if (classes.length < 2)
        throw new UserError(`classification needs at least two classes in ${JSON.stringify(cfg.target)}; found ${classes.length} (run validate-data)`);
    const index = new Map(classes.map((c, i) => [c, i]));
    const yClass = new Int32Array(n);
    for (let r = 0; r < n; r++) {
        const t = text(col, r);
        yClass[r] = t === undefined ? -1 : index.get(t);
        labelled[r] = t === undefined ? 0 : 1;
    }
    return { classes, yClass, yValue: undefined, labelled };
}
async function dataDigest(files) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    for (const f of files) {
        h.update(`${f.name}\0`);
        h.update(await (0,promises_.readFile)(f.path));
        h.update('\0');
    }
    return h.digest('hex');
}
function threadsInput(inputs) {
    const raw = optionalInput(inputs, 'threads');
    if (raw === undefined)
        return defaultThreads();
    if (!/^\d+$/.test(raw) || Number(raw) < 1)
        throw new InputError('threads', `${JSON.stringify(raw)} is not a whole number of at least 1`);
    return Number(raw);
}
function forestOptions(cfg, params, classes) {
    return {
        task: cfg.task,
        classes,
        trees: params.trees,
        maxDepth: params.maxDepth ?? Infinity,
        minSamplesLeaf: params.minSamplesLeaf,
        maxFeatures: params.maxFeatures ?? (cfg.task === 'classification' ? 'sqrt' : 1),
        bootstrap: params.bootstrap,
        seed: params.seed,
    };
}
async function train(inputs, io) {
    const cfg = await loadPipeline(inputs.pipeline ?? '', io.root, io.cwd);
    const paramsJson = optionalInput(inputs, 'params');
    const params = paramsJson === undefined ? cfg.model : applyParams(cfg.model, paramsJson);
    const threads = threadsInput(inputs);
    const out = userPath(io, inputs, 'output', `out/${cfg.name}/model.json`);
    const upload = booleanInput(inputs, 'upload-artifact');
    const dataInput = optionalInput(inputs, 'data');
    // Everything that shapes the model, and nothing that does not (threads): the cache key.
    const files = await resolveDataFiles(cfg.root, dataInput ?? cfg.data.train, dataInput === undefined ? 'data.train' : 'the data input', resolveOptions(io, dataInput !== undefined));
    const protectedInputs = [...runInputs(cfg), ...files.map((f) => f.path)];
    // Refused before anything is written there, the cache's restore included.
    await checkOutput(io, out, protectedInputs);
    const dataSha = await dataDigest(files);
    let schemaSha = null;
    if (cfg.schema !== undefined) {
        const schemaAbs = external_node_path_default().resolve(cfg.root, cfg.schema);
        await checkFile(cfg.root, schemaAbs, cfg.schema, 'schema', true);
        schemaSha = sha256Hex(await (0,promises_.readFile)(schemaAbs));
    }
    const gzip = out.abs.endsWith('.gz');
    const cacheKey = `mlops-model-${cfg.name}-${sha256Hex(JSON.stringify({ tool: TOOL, code: codeDigest(), config: cfg.digest, schema: schemaSha, data: dataSha, params, gzip }))}`;
    const cache = io.cache;
    let restored = false;
    if (cache)
        await sideEffect(io, 'restoring the model from the cache', async () => void (restored = await cache.restore([out.shown], cacheKey)));
    if (restored) {
        const cached = await loadModel(out.abs, out.shown).catch(() => undefined);
        if (cached && cached.pkg.provenance.data_sha256 === dataSha && cached.pkg.provenance.config_sha256 === cfg.digest) {
            io.info(`restored ${out.shown} from the cache (${cacheKey}): data, config and code are unchanged, so nothing is trained`);
            return finish(cfg, cached.pkg, cached.bytes, out, io, upload, true);
        }
        io.warning(`the cached ${out.shown} does not match this data or config; training anew`);
    }
    const { table } = await loadData(cfg, { data: dataInput }, io);
    const labels = labelsOf(cfg, table);
    const keyColumns = cfg.split.key ?? defaultKeyColumns(table, cfg.id);
    const keys = rowKeys(table, keyColumns);
    const isTest = testRows(keys, cfg.split.testFraction, cfg.split.seed);
    const trainRows = [];
    let testCount = 0;
    for (let r = 0; r < table.rowCount; r++) {
        if (!labels.labelled[r])
            continue;
        if (isTest[r])
            testCount++;
        else
            trainRows.push(r);
    }
    if (trainRows.length < 2)
        throw new UserError(`only ${trainRows.length} labelled training rows; check data.train and split.test_fraction`);
    const stratifyShares = cfg.split.stratify === undefined ? null : stratify(cfg.split.stratify, table, isTest, labels.labelled, cfg.split.testFraction, io);
    const trainTable = subsetTable(table, trainRows);
    const features = featureNames(cfg, table);
    const encoding = fitEncoding(trainTable, features, { oneHotMaxLevels: cfg.features.oneHotMaxLevels, textWidth: cfg.features.textWidth, ngrams: cfg.features.ngrams });
    const encodedBytes = encoding.features.length * trainRows.length * 8;
    if (encodedBytes > MAX_ENCODED_BYTES) {
        throw new UserError(`${cfg.file}: ${trainRows.length.toLocaleString('en-US')} training rows × ${encoding.features.length.toLocaleString('en-US')} encoded features would take ${(encodedBytes / 1024 ** 3).toFixed(1)} GiB; the limit is ${MAX_ENCODED_BYTES / 1024 ** 3} GiB. Lower features.text_width or features.one_hot_max_levels, or exclude columns (features.exclude)`);
    }
    const columns = applyEncoding(trainTable, encoding);
    const data = {
        columns,
        yClass: labels.yClass ? Int32Array.from(trainRows, (r) => labels.yClass[r]) : undefined,
        yValue: labels.yValue ? Float64Array.from(trainRows, (r) => labels.yValue[r]) : undefined,
    };
    const options = forestOptions(cfg, params, labels.classes?.length ?? 0);
    io.info(`training ${options.trees} trees on ${trainRows.length} rows × ${encoding.features.length} features (${testCount} rows held out for test) with ${threads} thread${threads === 1 ? '' : 's'}`);
    let lastShown = 0;
    const forest = await trainForest(data, options, threads, (p) => {
        // About ten progress lines, whatever the number of trees.
        if (p.done === p.total || p.done - lastShown >= Math.max(1, Math.ceil(p.total / 10))) {
            lastShown = p.done;
            const rate = p.seconds > 0 ? Math.round((p.done * trainRows.length) / p.seconds) : 0;
            io.info(`trees ${p.done}/${p.total} · ${p.seconds.toFixed(1)} s · ${rate.toLocaleString('en-US')} rows/s`);
        }
    });
    const oob = options.bootstrap ? outOfBagScore(forest, data) : Number.NaN;
    const perFeature = importances(forest);
    // A Map, not an object: a column may be called "__proto__" or "constructor".
    const byColumn = new Map();
    let f = 0;
    for (const c of encoding.columns) {
        const width = c.kind === 'one-hot' ? c.levels.length : c.kind === 'hashed-text' ? c.width : 1;
        let sum = 0;
        for (let i = 0; i < width; i++)
            sum += perFeature[f++];
        byColumn.set(c.name, sum);
    }
    const ranked = Object.fromEntries([...byColumn].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
    const prov = await provenance(io.root);
    const pkg = {
        format: MODEL_FORMAT,
        format_version: MODEL_FORMAT_VERSION,
        pipeline: cfg.name,
        task: cfg.task,
        target: { name: cfg.target, classes: labels.classes },
        id: cfg.id ?? null,
        encoding,
        schema: inferSchema(table, cfg.validation.maxMissingRate),
        params: { trees: params.trees, max_depth: params.maxDepth ?? null, min_samples_leaf: params.minSamplesLeaf, max_features: options.maxFeatures, bootstrap: params.bootstrap, seed: params.seed },
        split: { test_fraction: cfg.split.testFraction, seed: cfg.split.seed, key_columns: keyColumns, stratify: cfg.split.stratify ?? null, stratify_test_shares: stratifyShares },
        provenance: { data_sha256: dataSha, data_files: table.files, config_sha256: cfg.digest, commit: prov.commit, created_at: prov.createdAt, tool: TOOL },
        rows: { total: table.rowCount, labelled: trainRows.length + testCount, train: trainRows.length, test: testCount },
        oob_score: Number.isNaN(oob) ? null : oob,
        feature_importance: ranked,
        profile: profileTable(trainTable),
        examples: examples(table, isTest, labels.labelled, encoding, forest, labels.classes),
        forest: toMlRandomForestJSON(forest),
    };
    const bytes = serializeModel(pkg, gzip);
    await writeOutputs(io, [[out, bytes]], protectedInputs);
    if (cache)
        await sideEffect(io, 'saving the model to the cache', () => cache.save([out.shown], cacheKey));
    return finish(cfg, pkg, bytes, out, io, upload, false);
}
/** The outputs and summary of a package, trained now or restored; uploads it when asked. */
async function finish(cfg, pkg, bytes, out, io, upload, restored) {
    const sha = sha256Hex(bytes);
    const digest = `sha256:${sha}`;
    let artifact = '';
    if (upload) {
        const artifacts = io.artifacts;
        if (artifacts) {
            const name = artifactName(io, 'model', cfg.name, sha);
            const uploaded = await sideEffect(io, `uploading the artifact ${name}`, async () => {
                const result = await artifacts.upload(name, [out.abs], external_node_path_default().dirname(out.abs));
                io.info(`uploaded the artifact ${name} (id ${result.id ?? '?'}, ${result.size ?? '?'} bytes)`);
            });
            if (uploaded)
                artifact = name;
        }
        else
            io.warning('upload-artifact is true, but artifacts exist only in GitHub Actions; nothing was uploaded');
    }
    const top = Object.entries(pkg.feature_importance).slice(0, 10);
    const summary = [
        `### train: ${escapeMarkdown(cfg.name)}${restored ? ' (restored from the cache)' : ''}`,
        '',
        `${pkg.params.trees} trees on ${pkg.rows.train.toLocaleString('en-US')} rows (${pkg.rows.test.toLocaleString('en-US')} held out), ${pkg.encoding.features.length} encoded features; out-of-bag ${cfg.task === 'classification' ? 'accuracy' : 'R²'}: ${pkg.oob_score === null ? 'n/a' : pkg.oob_score.toFixed(4)}.`,
        '',
        `Model: <code>${escapeMarkdown(out.shown, 200)}</code> (${digest}, ${bytes.length.toLocaleString('en-US')} bytes).`,
        '',
        '| Feature | Importance |',
        '|---|---:|',
        ...top.map(([name, v]) => `| ${escapeMarkdown(name)} | ${v.toFixed(4)} |`),
        '',
    ].join('\n');
    return {
        ok: true,
        outputs: { 'model-path': out.shown, 'model-digest': digest, artifact, 'oob-score': pkg.oob_score === null ? '' : String(pkg.oob_score), 'feature-importance': JSON.stringify(pkg.feature_importance) },
        summary,
    };
}
/** The running code's identity: the bundle (or source file) this function was loaded from. */
function codeDigest() {
    try {
        return sha256Hex((0,external_node_fs_.readFileSync)((0,external_node_url_.fileURLToPath)(import.meta.url)));
    }
    catch {
        return TOOL;
    }
}
/** Test shares per value of the stratify column; a value with no test row, or 10 points off, is reported. */
function stratify(column, table, isTest, labelled, fraction, io) {
    const col = columnByName(table, column);
    if (!col)
        throw new DataFileError(table.files.join(', '), `split.stratify names ${JSON.stringify(column)}, which is not a column`);
    const total = new Map();
    const test = new Map();
    for (let r = 0; r < table.rowCount; r++) {
        if (!labelled[r])
            continue;
        const key = String(cellValue(col, r) ?? '');
        total.set(key, (total.get(key) ?? 0) + 1);
        if (isTest[r])
            test.set(key, (test.get(key) ?? 0) + 1);
    }
    const shares = [];
    for (const key of [...total.keys()].sort()) {
        const share = (test.get(key) ?? 0) / total.get(key);
        shares.push([key, share]);
        if (share === 0 || Math.abs(share - fraction) > 0.1)
            io.warning(`split: ${JSON.stringify(key)} in ${JSON.stringify(column)} has ${(share * 100).toFixed(1)}% of its ${total.get(key)} rows in test (asked: ${(fraction * 100).toFixed(0)}%)`);
    }
    return Object.fromEntries(shares);
}
/** Up to five test rows as raw values, and the forest's predictions for them: the package's smoke test. */
function examples(table, isTest, labelled, encoding, forest, classes) {
    const rows = [];
    for (let r = 0; r < table.rowCount && rows.length < 5; r++)
        if (isTest[r] && labelled[r])
            rows.push(r);
    for (let r = 0; r < table.rowCount && rows.length < 5; r++)
        if (!rows.includes(r))
            rows.push(r);
    const yPred = predict(forest, applyEncoding(subsetTable(table, rows), encoding));
    return {
        rows: rows.map((r) => Object.fromEntries(encoding.columns.map((c) => [c.name, cellValue(columnByName(table, c.name), r)]))),
        predictions: Array.from(yPred, (v) => (classes ? classes[v] : v)),
    };
}

;// CONCATENATED MODULE: ./src/engine/data/row-hash.ts

function hashString(s, seed) {
    let h = seed;
    for (let i = 0; i < s.length; i++)
        h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h >>> 0;
}
const row_hash_f64 = new Float64Array(1);
const u32 = new Uint32Array(row_hash_f64.buffer);
/**
 * A 53-bit hash of each row's cells in `columns` (numbers by value, strings by text), usable as a Map
 * key without collisions in practice; equality must still be confirmed.
 */
function hashRows(columns, rows) {
    const h1 = new Uint32Array(rows).fill(0x811c9dc5);
    const h2 = new Uint32Array(rows).fill(0x9747b28c);
    for (const col of columns) {
        if (col.kind === 'numeric') {
            const v = col.values;
            for (let r = 0; r < rows; r++) {
                const x = v[r];
                row_hash_f64[0] = x === x ? (x === 0 ? 0 : x) : Number.NaN; // -0 and 0 are one value; all NaNs are one
                h1[r] = Math.imul(h1[r] ^ u32[0], 0x01000193) ^ u32[1];
                h2[r] = Math.imul(h2[r] ^ u32[1], 0x5bd1e995) ^ u32[0];
            }
        }
        else {
            const a = col.levels.map((l) => hashString(l, 0x811c9dc5));
            const b = col.levels.map((l) => hashString(l, 0x27d4eb2f));
            const codes = col.codes;
            for (let r = 0; r < rows; r++) {
                const c = codes[r];
                h1[r] = Math.imul(h1[r] ^ (c < 0 ? 0x9e3779b9 : a[c]), 0x01000193);
                h2[r] = Math.imul(h2[r] ^ (c < 0 ? 0x7f4a7c15 : b[c]), 0x5bd1e995);
            }
        }
    }
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++)
        out[r] = (h1[r] & 0x1fffff) * 4294967296 + h2[r];
    return out;
}
/** Whether row `ra` of columns `a` and row `rb` of columns `b` (paired by position) hold the same text. */
function rowsEqual(a, ra, b, rb) {
    for (let i = 0; i < a.length; i++)
        if (cellText(a[i], ra) !== cellText(b[i], rb))
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/engine/validation/checks.ts




function rowFinding(sink, check, table, row, message, column) {
    const { file, line } = rowOrigin(table, row);
    sink.add({ check, file, line, message, ...(column === undefined ? {} : { column }) });
}
function checkParse(input, sink) {
    const tables = input.test ? [input.table, input.test] : [input.table];
    for (const t of tables) {
        for (const issue of t.issues) {
            sink.add({ check: 'parse', file: issue.file, line: issue.line, message: issue.message, ...(issue.column === undefined ? {} : { column: issue.column }) });
        }
        const total = Object.values(t.issueCounts).reduce((a, b) => a + (b ?? 0), 0);
        if (total > t.issues.length)
            sink.addUncounted('parse', total - t.issues.length);
    }
}
function checkMinRows(input, sink) {
    const n = input.table.rowCount;
    if (n < input.minRows)
        sink.add({ check: 'min_rows', message: `${n} row${n === 1 ? '' : 's'}; at least ${input.minRows} are needed (validation.min_rows)` });
}
/** Edit distance with transpositions ("tpye" is 1 from "type"), case-insensitive, cut off above `max`. */
function distance(a, b, max) {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    if (Math.abs(x.length - y.length) > max)
        return max + 1;
    let before = [];
    let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const cur = [i];
        let best = i;
        for (let j = 1; j <= y.length; j++) {
            let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
                d = Math.min(d, before[j - 2] + 1);
            cur[j] = d;
            if (d < best)
                best = d;
        }
        if (best > max)
            return max + 1;
        before = prev;
        prev = cur;
    }
    return prev[y.length];
}
/** The columns that exist, closest to `name` first, for a message about a missing column. */
function columnsClosestTo(name, columns, shown = 10) {
    const ranked = columns.map((c, i) => ({ c, i, d: distance(name, c, 64) })).sort((a, b) => a.d - b.d || a.i - b.i);
    const list = ranked.slice(0, shown).map((r) => quoteValue(r.c, 40)).join(', ');
    const near = ranked[0];
    const closest = near && near.d < name.length && near.d <= Math.max(1, Math.floor(name.length / 3)) ? `; did you mean ${quoteValue(near.c, 40)}?` : '';
    return `the columns are ${list}${columns.length > shown ? ` and ${columns.length - shown} more` : ''}${closest}`;
}
function checkColumns(input, sink) {
    const names = new Set(input.table.columns.map((c) => c.name));
    const file = input.table.files.join(', ');
    const all = input.table.columns.map((c) => c.name);
    if (!names.has(input.target))
        sink.add({ check: 'missing_column', file, message: `the target column ${quoteValue(input.target)} is missing; ${columnsClosestTo(input.target, all)}`, column: input.target });
    if (input.id !== undefined && !names.has(input.id))
        sink.add({ check: 'missing_column', file, message: `the id column ${quoteValue(input.id)} is missing; ${columnsClosestTo(input.id, all)}`, column: input.id });
    if (!input.reference)
        return;
    for (const name of Object.keys(input.reference.columns)) {
        if (!names.has(name) && name !== input.target && name !== input.id)
            sink.add({ check: 'missing_column', file, message: `the column ${quoteValue(name)} is missing`, column: name });
    }
    for (const name of names) {
        if (!Object.hasOwn(input.reference.columns, name))
            sink.add({ check: 'unexpected_column', file, message: `the column ${quoteValue(name)} is not in the schema`, column: name });
    }
}
function expected(input, name) {
    const ref = input.reference?.columns;
    return ref && Object.hasOwn(ref, name) ? ref[name] : undefined;
}
function checkTypes(input, sink) {
    const { table } = input;
    for (const col of table.columns) {
        const want = expected(input, col.name);
        if (col.kind === 'numeric') {
            for (const cell of col.invalid) {
                const tooLarge = NUMBER_SYNTAX.test(cell.value.trim());
                rowFinding(sink, 'type', table, cell.row, tooLarge ? `${quoteValue(cell.value)} is beyond the range of a number (±1.8e308)` : `${quoteValue(cell.value)} is not a number`, col.name);
            }
            if (want?.type === 'integer') {
                for (let r = 0; r < table.rowCount; r++) {
                    const v = col.values[r];
                    if (v === v && !Number.isInteger(v))
                        rowFinding(sink, 'type', table, r, `${v} is not a whole number`, col.name);
                }
            }
        }
        else if (want && (want.type === 'integer' || want.type === 'number')) {
            const sample = col.levels.slice(0, 3).map((l) => quoteValue(l, 30)).join(', ');
            sink.add({ check: 'type', file: table.files.join(', '), column: col.name, message: `should hold numbers (${want.type}) but holds ${col.type} values such as ${sample}` });
        }
    }
}
function checkDecimalComma(input, sink) {
    for (const col of input.table.columns) {
        if (col.kind !== 'categorical' || !col.decimalCommaCells)
            continue;
        const example = col.levels.find((l) => DECIMAL_COMMA_SYNTAX.test(l.trim())) ?? '';
        sink.add({ check: 'decimal_comma', file: input.table.files.join(', '), column: col.name, message: `looks numeric with decimal commas (${col.decimalCommaCells} cells such as ${quoteValue(example, 20)}), so it is read as categories; set data.decimal: "," in the pipeline to read these as numbers` });
    }
}
function checkRanges(input, sink) {
    const { table } = input;
    for (const col of table.columns) {
        const want = expected(input, col.name);
        if (col.kind !== 'numeric' || !want || (want.min === undefined && want.max === undefined))
            continue;
        const lo = want.min ?? -Infinity;
        const hi = want.max ?? Infinity;
        for (let r = 0; r < table.rowCount; r++) {
            const v = col.values[r];
            if (v < lo || v > hi)
                rowFinding(sink, 'range', table, r, `${v} is outside the range [${want.min ?? '-inf'}, ${want.max ?? 'inf'}]`, col.name);
        }
    }
}
function checkCategories(input, sink) {
    const { table } = input;
    for (const col of table.columns) {
        const want = expected(input, col.name);
        if (col.kind !== 'categorical' || !want?.categories)
            continue;
        const known = new Set(want.categories);
        const fresh = col.levels.map((l) => !known.has(l));
        if (!fresh.some(Boolean))
            continue;
        for (let r = 0; r < table.rowCount; r++) {
            const c = col.codes[r];
            if (c >= 0 && fresh[c])
                rowFinding(sink, 'new_category', table, r, `the category ${quoteValue(col.levels[c])} has never been seen`, col.name);
        }
    }
}
function missingCount(col) {
    let n = 0;
    if (col.kind === 'numeric') {
        const invalid = new Set(col.invalid.map((c) => c.row));
        col.values.forEach((v, r) => {
            if (v !== v && !invalid.has(r))
                n++;
        });
    }
    else
        for (const c of col.codes)
            if (c < 0)
                n++;
    return n;
}
function checkMissingRates(input, sink) {
    const { table } = input;
    if (table.rowCount === 0)
        return;
    for (const col of table.columns) {
        if (col.name === input.target)
            continue; // label_missing covers the target, row by row
        const limit = expected(input, col.name)?.max_missing ?? input.maxMissingRate;
        const rate = missingCount(col) / table.rowCount;
        if (rate > limit) {
            sink.add({ check: 'missing_rate', file: table.files.join(', '), column: col.name, message: `${(rate * 100).toFixed(1)}% of the values are missing; the limit is ${(limit * 100).toFixed(1)}%` });
        }
    }
}
/** Class label of each row as text (undefined when missing), for any target column kind. */
function labels(col, rows) {
    const out = new Array(rows);
    for (let r = 0; r < rows; r++) {
        if (col.kind === 'numeric') {
            const v = col.values[r];
            out[r] = v === v ? String(v) : undefined;
        }
        else {
            const c = col.codes[r];
            out[r] = c < 0 ? undefined : col.levels[c];
        }
    }
    return out;
}
function checkLabel(input, sink) {
    const { table } = input;
    const col = columnByName(table, input.target);
    if (!col)
        return; // missing_column reports it
    const file = table.files.join(', ');
    const y = labels(col, table.rowCount);
    const invalidLabels = new Map(col.kind === 'numeric' ? col.invalid.map((c) => [c.row, c.value]) : []);
    y.forEach((label, r) => {
        if (label === undefined) {
            const invalid = invalidLabels.get(r);
            rowFinding(sink, 'label_missing', table, r, invalid !== undefined ? `the label ${quoteValue(invalid)} is not a number` : 'the label is missing', col.name);
        }
    });
    if (input.task === 'regression') {
        if (col.kind !== 'numeric')
            sink.add({ check: 'label_classes', file, column: col.name, message: `a regression target must be numeric; ${quoteValue(col.name)} holds ${col.type} values` });
        return;
    }
    const counts = new Map();
    for (const label of y)
        if (label !== undefined)
            counts.set(label, (counts.get(label) ?? 0) + 1);
    if (counts.size < 2) {
        sink.add({ check: 'label_classes', file, column: col.name, message: `classification needs at least two classes; found ${counts.size}${counts.size ? ` (${[...counts.keys()].map((k) => quoteValue(k)).join(', ')})` : ''}` });
    }
    for (const [label, n] of [...counts].sort((a, b) => a[1] - b[1])) {
        if (n < input.minClassRows)
            sink.add({ check: 'class_size', file, column: col.name, message: `the class ${quoteValue(label)} has ${n} row${n === 1 ? '' : 's'}; at least ${input.minClassRows} are needed (validation.min_class_rows)` });
    }
}
function columnsNamed(table, names) {
    return names.map((n) => columnByName(table, n)).filter((c) => c !== undefined);
}
function checkDuplicates(input, sink) {
    const { table } = input;
    const features = columnsNamed(table, input.features);
    const target = columnByName(table, input.target);
    const withLabel = target ? [...features, target] : features;
    const full = hashRows(withLabel, table.rowCount);
    const firstOf = new Map();
    for (let r = 0; r < table.rowCount; r++) {
        const h = full[r];
        const seen = firstOf.get(h);
        const same = seen?.find((s) => rowsEqual(withLabel, s, withLabel, r));
        if (same === undefined) {
            if (seen)
                seen.push(r);
            else
                firstOf.set(h, [r]);
        }
        else {
            rowFinding(sink, 'duplicate_rows', table, r, `the row repeats line ${rowOrigin(table, same).line}`);
        }
    }
    if (!target)
        return;
    // Equal features, different labels: the data contradicts itself. Linear: per distinct feature
    // vector, the first row of each label seen (labels per vector are few); a row clashes with the first
    // row of any other label.
    const byFeatures = hashRows(features, table.rowCount);
    const groups = new Map();
    for (let r = 0; r < table.rowCount; r++) {
        const h = byFeatures[r];
        let group = groups.get(h);
        if (!group)
            groups.set(h, (group = []));
        const label = cellText(target, r);
        let vector = group.find((g) => rowsEqual(features, g.row, features, r));
        if (!vector)
            group.push((vector = { row: r, labels: new Map() }));
        let clash;
        for (const [other, first] of vector.labels)
            if (other !== label && (clash === undefined || first < clash))
                clash = first;
        if (!vector.labels.has(label))
            vector.labels.set(label, r);
        if (clash !== undefined) {
            rowFinding(sink, 'conflicting_labels', table, r, `the features equal those of line ${rowOrigin(table, clash).line}, but the label is ${quoteValue(label)}, not ${quoteValue(cellText(target, clash))}`, target.name);
        }
    }
}
function checkConstantColumns(input, sink) {
    const { table } = input;
    if (table.rowCount < 2)
        return;
    for (const col of columnsNamed(table, input.features)) {
        let first;
        let constant = true;
        for (let r = 0; r < table.rowCount && constant; r++) {
            const v = col.kind === 'numeric' ? col.values[r] : col.codes[r];
            if (col.kind === 'numeric' ? v !== v : v < 0)
                continue;
            if (first === undefined)
                first = v;
            else if (v !== first)
                constant = false;
        }
        if (constant) {
            const shown = first === undefined ? 'only missing values' : `only ${quoteValue(col.kind === 'numeric' ? String(first) : col.levels[first])}`;
            sink.add({ check: 'constant_column', file: table.files.join(', '), column: col.name, message: `the feature holds ${shown}; it cannot help the model` });
        }
    }
}
function checkLeakage(input, sink) {
    const test = input.test;
    if (!test)
        return;
    const names = [...input.features, input.target].filter((n) => input.table.columns.some((c) => c.name === n) && test.columns.some((c) => c.name === n));
    const trainCols = columnsNamed(input.table, names);
    const testCols = columnsNamed(test, names);
    const trainHashes = hashRows(trainCols, input.table.rowCount);
    const index = new Map();
    trainHashes.forEach((h, r) => {
        const list = index.get(h);
        if (list)
            list.push(r);
        else
            index.set(h, [r]);
    });
    const testHashes = hashRows(testCols, test.rowCount);
    for (let r = 0; r < test.rowCount; r++) {
        const match = index.get(testHashes[r])?.find((s) => rowsEqual(trainCols, s, testCols, r));
        if (match !== undefined) {
            const origin = rowOrigin(input.table, match);
            rowFinding(sink, 'leakage', test, r, `the test row also appears in the training data (${origin.file} line ${origin.line})`);
        }
    }
}
/** Each runner reports one or more checks; a runner whose checks are all off does not run. */
const CHECK_RUNNERS = [
    { ids: ['parse'], run: checkParse },
    { ids: ['min_rows'], run: checkMinRows },
    { ids: ['missing_column', 'unexpected_column'], run: checkColumns },
    { ids: ['type'], run: checkTypes },
    { ids: ['decimal_comma'], run: checkDecimalComma },
    { ids: ['range'], run: checkRanges },
    { ids: ['new_category'], run: checkCategories },
    { ids: ['missing_rate'], run: checkMissingRates },
    { ids: ['label_missing', 'label_classes', 'class_size'], run: checkLabel },
    { ids: ['duplicate_rows', 'conflicting_labels'], run: checkDuplicates },
    { ids: ['constant_column'], run: checkConstantColumns },
    { ids: ['leakage'], run: checkLeakage },
];

;// CONCATENATED MODULE: ./src/engine/validation/findings.ts
/** Findings kept per check; the rest are counted. A broken million-row file must not fill memory. */
const FINDINGS_KEPT = 1000;
class FindingSink {
    kept = new Map();
    counts = new Map();
    add(finding) {
        const n = (this.counts.get(finding.check) ?? 0) + 1;
        this.counts.set(finding.check, n);
        if (n <= FINDINGS_KEPT) {
            let list = this.kept.get(finding.check);
            if (!list)
                this.kept.set(finding.check, (list = []));
            list.push(finding);
        }
    }
    /** Counts problems that were not kept one by one (counted in bulk). */
    addUncounted(check, extra) {
        this.counts.set(check, (this.counts.get(check) ?? 0) + extra);
    }
    count(check) {
        return this.counts.get(check) ?? 0;
    }
    findings(check) {
        return this.kept.get(check) ?? [];
    }
}

;// CONCATENATED MODULE: ./src/engine/validation/validate.ts
// Runs the checks and decides: a check fails when its severity is `error` and it found anything.




/** Checks that cannot apply to this input say why (the note), rather than pass. */
function skippedBecause(id, input) {
    const noTarget = !columnByName(input.table, input.target);
    switch (id) {
        case 'leakage':
            return input.test === undefined ? 'no test data' : undefined;
        case 'class_size':
            return input.task !== 'classification' ? 'regression' : noTarget ? 'no target column' : undefined;
        case 'label_missing':
        case 'label_classes':
        case 'conflicting_labels':
            return noTarget ? 'no target column' : undefined;
        case 'unexpected_column':
        case 'range':
        case 'new_category':
            return input.reference === undefined ? 'no schema' : undefined;
        default:
            return undefined;
    }
}
function runChecks(input, severity) {
    const sink = new FindingSink();
    for (const runner of CHECK_RUNNERS) {
        if (runner.ids.some((id) => severity[id] !== 'off'))
            runner.run(input, sink);
    }
    const checks = CHECKS.map((c) => {
        const level = severity[c.id];
        const count = sink.count(c.id);
        let status;
        const skipped = skippedBecause(c.id, input);
        if (level === 'off')
            status = 'off';
        else if (skipped !== undefined)
            status = 'skipped';
        else if (count === 0)
            status = 'passed';
        else
            status = level === 'error' ? 'failed' : 'warned';
        return { id: c.id, description: c.description, severity: level, status, ...(status === 'skipped' ? { note: skipped } : {}), count: level === 'off' || status === 'skipped' ? 0 : count, findings: level === 'off' || status === 'skipped' ? [] : sink.findings(c.id) };
    });
    return { passed: checks.every((c) => c.status !== 'failed'), checks };
}

;// CONCATENATED MODULE: ./src/engine/validation/report.ts
// What validate-data tells people: the JSON report (for machines), the Markdown summary (for the job
// summary and the terminal), and the annotations (for the diff view). Data values are escaped here.

const REPORT_FORMAT = 'mlops-validation-report/1';
/** GitHub shows at most 10 error annotations per step in the checks view; 50 keeps the log readable too. */
const MAX_ANNOTATIONS = 50;
const FINDINGS_IN_REPORT = 100;
const FINDINGS_IN_SUMMARY = 10;
function buildReport(ctx, result) {
    const errors = result.checks.filter((c) => c.status === 'failed').reduce((a, c) => a + c.count, 0);
    const warnings = result.checks.filter((c) => c.status === 'warned').reduce((a, c) => a + c.count, 0);
    return {
        format: REPORT_FORMAT,
        ...ctx,
        passed: result.passed,
        errors,
        warnings,
        checks: result.checks.map((c) => ({ ...c, findings: c.findings.slice(0, FINDINGS_IN_REPORT) })),
    };
}
/** Where a finding is, as people read it: `data/x.csv line 812, column "age"`. */
function locate(f) {
    const parts = [f.file && f.line !== undefined ? `${f.file} line ${f.line}` : f.file, f.column !== undefined ? `column ${JSON.stringify(f.column)}` : undefined];
    return parts.filter(Boolean).join(', ');
}
/** One annotation per row-level problem, errors first, at most MAX_ANNOTATIONS, then a count of the rest. */
function annotations(report) {
    const rowLevel = [];
    let total = 0;
    const ordered = [...report.checks.filter((c) => c.status === 'failed'), ...report.checks.filter((c) => c.status === 'warned')];
    for (const check of ordered) {
        const level = check.status === 'failed' ? 'error' : 'warning';
        const located = check.findings.filter((f) => f.file !== undefined && f.line !== undefined);
        // Counted problems beyond the kept findings are row-level too when the kept ones are.
        total += located.length === check.findings.length && located.length > 0 ? check.count : located.length;
        for (const f of located) {
            if (rowLevel.length < MAX_ANNOTATIONS) {
                rowLevel.push({ level, title: `validate-data: ${check.id}`, file: f.file, line: f.line, message: `${f.column !== undefined ? `column ${JSON.stringify(f.column)}: ` : ''}${f.message}` });
            }
        }
    }
    if (total > rowLevel.length) {
        rowLevel.push({ level: 'notice', title: 'validate-data', message: `${total - rowLevel.length} more row-level problems are not annotated; see the validation report` });
    }
    return rowLevel;
}
const STATUS_MARK = {
    passed: '✅ passed',
    failed: '❌ failed',
    warned: '⚠️ warning',
    skipped: '➖ skipped',
    off: '➖ off',
};
function code(text) {
    // Inline code cannot hold escapes, so data goes in as escaped text inside <code>.
    return `<code>${escapeMarkdown(text, 80)}</code>`;
}
function renderMarkdown(report) {
    const out = [];
    const verdict = report.passed ? '✅ passed' : '❌ failed';
    out.push(`### validate-data: ${escapeMarkdown(report.pipeline)} ${verdict}`, '');
    const files = report.files.map(code).join(', ');
    const ref = report.reference === 'schema'
        ? `against the schema ${code(report.referenceSource ?? '')}`
        : report.reference === 'training-data'
            ? `against the training data ${code(report.referenceSource ?? '')}`
            : 'against its own inferred types (no schema file)';
    out.push(`${files}: ${report.rows.toLocaleString('en-US')} rows, ${report.columns.length} columns, checked ${ref}.`);
    out.push(`${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}.`, '');
    out.push('| Check | Severity | Result | Problems |', '|---|---|---|---:|');
    for (const c of report.checks)
        out.push(`| \`${c.id}\` | ${c.severity} | ${STATUS_MARK[c.status]}${c.note ? ` (${escapeMarkdown(c.note)})` : ''} | ${c.count} |`);
    const shown = report.checks.filter((c) => (c.status === 'failed' || c.status === 'warned') && c.findings.length > 0);
    for (const c of shown) {
        out.push('', `#### \`${c.id}\` (${c.count})`, '');
        for (const f of c.findings.slice(0, FINDINGS_IN_SUMMARY)) {
            const where = locate(f);
            out.push(`- ${where ? `${escapeMarkdown(where, 200)}: ` : ''}${escapeMarkdown(f.message, 300)}`);
        }
        if (c.count > FINDINGS_IN_SUMMARY)
            out.push(`- … and ${c.count - FINDINGS_IN_SUMMARY} more (see the report)`);
    }
    return `${out.join('\n')}\n`;
}
/** One line per failing check with its first problems, for stderr and the step's failure message. */
function failureLines(report, perCheck = 3) {
    const lines = [];
    for (const c of report.checks.filter((x) => x.status === 'failed')) {
        lines.push(`${c.id}: ${c.count} problem${c.count === 1 ? '' : 's'}`);
        for (const f of c.findings.slice(0, perCheck)) {
            const where = locate(f);
            lines.push(`  ${where ? `${where}: ` : ''}${f.message}`);
        }
        if (c.count > perCheck)
            lines.push(`  … and ${c.count - perCheck} more`);
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/steps/validate-data.ts
// The validate-data step: load, check, report. The same function serves the action and the CLI.






async function validateData(inputs, io) {
    const cfg = await loadPipeline(inputs.pipeline ?? '', io.root, io.cwd);
    const failOnError = booleanInput(inputs, 'fail-on-error');
    const reportPath = userPath(io, inputs, 'report', `out/${cfg.name}/validation-report.json`);
    const loaded = await loadData(cfg, { data: optionalInput(inputs, 'data'), testData: optionalInput(inputs, 'test-data'), schema: optionalInput(inputs, 'schema') }, io);
    const { table } = loaded;
    io.info(`read ${table.rowCount} rows × ${table.columns.length} columns from ${table.files.join(', ')}`);
    const result = runChecks({
        table,
        task: cfg.task,
        target: cfg.target,
        id: cfg.id,
        features: featureNames(cfg, table),
        reference: loaded.reference,
        minRows: cfg.validation.minRows,
        minClassRows: cfg.validation.minClassRows,
        maxMissingRate: cfg.validation.maxMissingRate,
        test: loaded.test,
    }, cfg.validation.severity);
    const report = buildReport({
        pipeline: cfg.name,
        pipelineFile: cfg.file,
        files: table.files,
        rows: table.rowCount,
        columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
        reference: loaded.referenceKind,
        referenceSource: loaded.referenceSource,
        testFiles: loaded.test?.files ?? [],
    }, result);
    const typedSchema = optionalInput(inputs, 'schema');
    await writeOutputs(io, [[reportPath, `${JSON.stringify(report, null, 2)}\n`]], [...runInputs(cfg, table, loaded.test), ...(typedSchema ? [userPath(io, inputs, 'schema').abs] : [])]);
    for (const a of annotations(report))
        io.annotate(a);
    const ok = report.passed || !failOnError;
    return {
        ok,
        ...(ok ? {} : { failure: [`the data failed validation: ${report.errors} error${report.errors === 1 ? '' : 's'} (the report: ${reportPath.shown})`, ...failureLines(report)].join('\n') }),
        outputs: { passed: String(report.passed), report: reportPath.shown, errors: String(report.errors), warnings: String(report.warnings) },
        summary: renderMarkdown(report),
    };
}

;// CONCATENATED MODULE: ./src/steps/catalog.ts
// Which function runs each step. Steps whose issue has not landed fail loudly.







const notYet = (name) => async () => {
    throw new NotImplementedError(name);
};
const STEP_RUNNERS = {
    'validate-data': validateData,
    train: train,
    evaluate: evaluate,
    'compare-to-champion': compareToChampion,
    'publish-model': publishModel,
    deploy: deploy,
    'drift-report': notYet('drift-report'),
};
/** The chain that `mlops run` walks, in order; it grows as steps land. */
const RUN_CHAIN = ['validate-data', 'train', 'evaluate', 'compare-to-champion', 'publish-model'];
/** A chain step's inputs: the pipeline, and what earlier steps produced (evaluate scores train's model). */
function chainInputs(name, pipeline, earlier) {
    const model = earlier.train?.['model-path'] ?? '';
    if (name === 'evaluate')
        return { pipeline, model };
    if (name === 'compare-to-champion')
        return { pipeline, candidate: model };
    // The comparison is compare-to-champion's out/<pipeline>/comparison.json, publish-model's default.
    if (name === 'publish-model')
        return { pipeline, model, metrics: earlier.evaluate?.metrics ?? '' };
    return { pipeline };
}
/** Why the chain skips a step after what came before, or undefined to run it. */
function chainSkip(name, earlier) {
    if (name !== 'publish-model')
        return undefined;
    const decision = earlier['compare-to-champion']?.decision;
    return decision === 'promote' || decision === 'first-model' ? undefined : `the decision is ${decision ?? 'unknown'}, so nothing is published`;
}

;// CONCATENATED MODULE: ./src/steps/specs.ts
// The one declaration of every step's inputs and outputs. The build writes each action.yml from it,
// and the CLI takes its flags from it, so the two front doors cannot drift apart.
const pipeline = { name: 'pipeline', required: true, description: 'The pipeline file (for example pipelines/spam-detector.yml). Paths inside it are relative to the repository root.' };
const data = { name: 'data', default: '', description: 'A CSV path or glob that replaces the pipeline\'s data.train (for example a new batch of data).' };
const token = { name: 'token', default: '${{ github.token }}', description: 'The token for GitHub API calls.' };
const STEP_SPECS = [
    {
        name: 'validate-data',
        title: 'mlops: validate data',
        description: 'Checks a data set against its pipeline: schema, types, ranges, categories, missing values, labels, duplicates and leakage.',
        inputs: [
            pipeline,
            data,
            { name: 'test-data', default: '', description: 'A held-out CSV path or glob that replaces data.test; enables the leakage check.' },
            { name: 'schema', default: '', description: 'A data schema file that replaces the pipeline\'s schema.' },
            { name: 'report', default: '', description: 'Where to write the JSON report (default: out/<pipeline>/validation-report.json).' },
            { name: 'fail-on-error', default: 'true', description: 'Fail the step when a check with severity error fails (true or false).' },
        ],
        outputs: [
            { name: 'passed', type: 'boolean', description: 'true when no check with severity error failed, else false.' },
            { name: 'report', type: 'path', description: 'The path of the JSON report.' },
            { name: 'errors', type: 'number', description: 'The number of problems found by failed checks.' },
            { name: 'warnings', type: 'number', description: 'The number of problems found by checks with severity warn.' },
        ],
    },
    {
        name: 'train',
        title: 'mlops: train',
        description: 'Trains a random forest (ml-random-forest format) on the pipeline\'s training split and writes a model package.',
        inputs: [
            pipeline,
            data,
            { name: 'params', default: '', description: 'A JSON object that overrides keys of the pipeline\'s model section, for example {"trees": 200}.' },
            { name: 'output', default: '', description: 'The model package\'s path (default: out/<pipeline>/model.json).' },
            { name: 'upload-artifact', default: 'false', description: 'Upload the model package as a workflow artifact (true or false).' },
            { name: 'threads', default: '', description: 'Training threads (default: one per core); the model is the same whatever the number.' },
        ],
        outputs: [
            { name: 'model-path', type: 'path', description: 'The path of the model package.' },
            { name: 'model-digest', type: 'string', description: 'The sha256 of the model package, as sha256:<hex>.' },
            { name: 'oob-score', type: 'number', description: 'The out-of-bag score of the forest.' },
            { name: 'feature-importance', type: 'json', description: 'A JSON object of feature name to impurity importance.' },
            { name: 'artifact', type: 'string', description: 'The name of the uploaded artifact (model-<pipeline>-<job>-<digest>), or empty when nothing was uploaded.' },
        ],
    },
    {
        name: 'evaluate',
        title: 'mlops: evaluate',
        description: 'Scores a model package on the pipeline\'s test split, with bootstrap confidence intervals and slice metrics.',
        inputs: [pipeline, { name: 'model', required: true, description: 'The model package to score.' }, data],
        outputs: [
            { name: 'metrics', type: 'path', description: 'The path of a JSON file of metric name to value.' },
            { name: 'report', type: 'path', description: 'The path of the Markdown report.' },
        ],
    },
    {
        name: 'compare-to-champion',
        title: 'mlops: compare to champion',
        description: 'Scores the candidate and the current champion on the same rows, applies the gates and a paired significance test, and comments once on the pull request.',
        inputs: [
            pipeline,
            { name: 'candidate', required: true, description: 'The candidate model package.' },
            data,
            token,
            { name: 'allow-first-model', default: 'false', description: 'Decide as a first model when the champion cannot be looked up (no token). Without it, a missing token fails the step: no champion source is not "no champion".' },
        ],
        outputs: [
            { name: 'decision', type: 'string', description: 'promote, reject, first-model or no-change (the candidate predicts exactly what the champion predicts).' },
            { name: 'promote', type: 'boolean', description: 'true when the candidate should be published, else false.' },
            { name: 'reasons', type: 'json', description: 'A JSON list of the reasons for the decision.' },
            { name: 'report', type: 'path', description: 'The path of the Markdown report.' },
            { name: 'compared-rows', type: 'number', description: 'How many rows both models were scored on: the labelled rows that are test rows under both models\' splits.' },
            { name: 'artifact', type: 'string', description: 'The name of the uploaded comparison artifact (mlops-comparison-<pipeline>-<job>-<digest>), or empty outside Actions.' },
        ],
    },
    {
        name: 'publish-model',
        title: 'mlops: publish model',
        description: 'Publishes a promoted model as the next version of the pipeline\'s model (a GitHub release, or models/ locally) with its model card and checksums; or rolls back to an earlier version.',
        inputs: [
            pipeline,
            { name: 'model', default: '', description: 'The model package to publish (default: out/<pipeline>/model.json).' },
            { name: 'comparison', default: '', description: 'compare-to-champion\'s comparison.json for this model (default: out/<pipeline>/comparison.json).' },
            { name: 'metrics', default: '', description: 'evaluate\'s metrics.json for this model (default: out/<pipeline>/metrics.json).' },
            { name: 'force', default: 'false', description: 'Publish even when the comparison did not decide promote or first-model (true or false).' },
            { name: 'rollback-to', default: '', description: 'Make an earlier version the champion again (3, v3 or <pipeline>-v3): a new version that carries its files. The other model inputs are then not read.' },
            token,
        ],
        outputs: [
            { name: 'version', type: 'number', description: 'The published version number (empty when nothing was published).' },
            { name: 'tag', type: 'string', description: 'The version\'s tag, <pipeline>-v<N>.' },
            { name: 'release-url', type: 'string', description: 'The release\'s web address (or its folder in models/).' },
            { name: 'model-digest', type: 'string', description: 'The sha256 of the published model asset (the gzipped package), as sha256:<hex>.' },
        ],
    },
    {
        name: 'deploy',
        title: 'mlops: deploy',
        description: 'Delivers a published model version to a serving endpoint (mlops serve\'s PUT /admin/model) after verifying its checksums, checks that the endpoint serves it, and records a GitHub Deployment.',
        inputs: [
            pipeline,
            { name: 'version', default: '', description: 'The version to deploy: 3, v3 or <pipeline>-v3 (default: the champion).' },
            { name: 'url', required: true, description: 'The serving endpoint\'s base address, for example https://models.example.com/spam.' },
            { name: 'admin-token', default: '', description: 'The endpoint\'s admin bearer token (pass a secret); default: the MLOPS_ADMIN_TOKEN environment variable.' },
            { name: 'environment', default: 'production', description: 'The deployment environment (GitHub Deployments).' },
            token,
        ],
        outputs: [
            { name: 'deployment-id', type: 'number', description: 'The GitHub Deployment\'s id (empty outside Actions).' },
            { name: 'version', type: 'number', description: 'The deployed version.' },
            { name: 'url', type: 'string', description: 'The serving endpoint.' },
            { name: 'model-digest', type: 'string', description: 'The sha256 of the deployed model asset, as sha256:<hex>.' },
        ],
    },
    {
        name: 'drift-report',
        title: 'mlops: drift report',
        description: 'Compares fresh data with the champion\'s training data and opens or updates one issue when it drifts.',
        inputs: [pipeline, { name: 'data', required: true, description: 'The fresh data: a CSV path or glob.' }, token],
        outputs: [
            { name: 'drift', type: 'boolean', description: 'true when any feature drifted beyond its threshold, else false.' },
            { name: 'report', type: 'path', description: 'The path of the JSON drift report.' },
            { name: 'issue-number', type: 'number', description: 'The number of the drift issue, when one was opened or updated.' },
        ],
    },
];
const STEP_NAMES = STEP_SPECS.map((s) => s.name);
function stepSpec(name) {
    return STEP_SPECS.find((s) => s.name === name);
}

;// CONCATENATED MODULE: ./src/front/action.ts







function readInputs(core, name) {
    const inputs = {};
    for (const input of stepSpec(name).inputs) {
        let value = core.getInput(input.name);
        // The runner fills in action.yml defaults; a runner-less start (tests, `act`) may not.
        if (value === '' && input.default !== undefined && !input.default.includes('${{'))
            value = input.default;
        if (input.required && value === '')
            throw new InputError(input.name, 'is required');
        inputs[input.name] = value;
    }
    return inputs;
}
async function actionsIO(core, name, inputs) {
    // Only train keeps a cache; asking for it elsewhere would load @actions/cache for nothing.
    const cache = name === 'train' ? await actionsModelCache() : undefined;
    // Artifacts need the runner's results service; without it (a local runner), there are none.
    const artifacts = process.env.ACTIONS_RUNTIME_TOKEN && process.env.ACTIONS_RESULTS_URL ? actionsArtifactStore() : undefined;
    // Typed paths resolve against the working folder and may lie anywhere (RUNNER_TEMP included).
    const io = { root: process.env.GITHUB_WORKSPACE || process.cwd(), cwd: process.cwd(), scope: process.env.GITHUB_JOB || undefined, cache, artifacts, ...baseIO(core) };
    if (name !== 'compare-to-champion' && name !== 'publish-model' && name !== 'deploy')
        return io;
    const token = inputs.token ?? '';
    // Without a token there is no champion source (io.champions stays undefined): the step refuses to
    // decide unless allow-first-model says so. That is not "no champion".
    if (!token)
        return io;
    const octokit = await octokitFor(token, io);
    const ctx = await pullRequestContext();
    const registry = githubRegistry(octokit, ctx.owner, ctx.repo, io);
    if (name === 'publish-model')
        return { ...io, champions: registry, registry, attest: attestation(core, token) };
    if (name === 'deploy')
        return { ...io, registry, deployments: githubDeployments(octokit, ctx.owner, ctx.repo) };
    let comments;
    if (ctx.number !== undefined && ctx.fromFork)
        core.notice(`${name}: a pull request from a fork gets a read-only token; the comment is skipped, the report is in the job summary and the mlops-comparison artifact (post it from a workflow_run workflow)`);
    else if (ctx.number !== undefined)
        comments = pullRequestComments(octokit, { ...ctx, number: ctx.number });
    return { ...io, champions: registry, comments };
}
function baseIO(core) {
    return {
        info: (m) => core.info(m),
        warning: (m) => core.warning(m),
        annotate: (a) => {
            const props = { ...(a.title ? { title: a.title } : {}), ...(a.file ? { file: a.file } : {}), ...(a.line !== undefined ? { startLine: a.line } : {}) };
            if (a.level === 'error')
                core.error(a.message, props);
            else if (a.level === 'warning')
                core.warning(a.message, props);
            else
                core.notice(a.message, props);
        },
    };
}
async function runAction(name) {
    const core = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(838)]).then(__nccwpck_require__.bind(__nccwpck_require__, 33838));
    try {
        const inputs = readInputs(core, name);
        const result = await STEP_RUNNERS[name](inputs, await actionsIO(core, name, inputs));
        for (const [key, value] of Object.entries(result.outputs))
            core.setOutput(key, value);
        if (process.env.GITHUB_STEP_SUMMARY)
            await core.summary.addRaw(result.summary).write();
        if (!result.ok)
            core.setFailed(`${name}: ${result.failure ?? 'failed'}`);
    }
    catch (err) {
        core.setFailed(`${name}: ${err instanceof UserError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
}

;// CONCATENATED MODULE: ./src/adapters/local-registry.ts
// The local model registry (the CLI's): models/<pipeline>/v<N>/ holds a version's files, the same ones
// a GitHub release holds, and models/<pipeline>/champion.json points at the champion (the highest
// version). A version folder is written whole into a temporary folder and renamed into place, and the
// pointer through temp-then-rename, so a crash leaves the old state or the new, never half of one.
// A hand-written champion.json with no version folders (a package anywhere in the repository) is
// still read. Paths from the pointer are repository data, so they must stay inside the repository.








const VERSION_DIR = /^v([1-9]\d{0,8})$/;
function localRegistry(root) {
    const base = (pipeline) => external_node_path_default().join(root, 'models', pipeline);
    const shown = (pipeline, ...rest) => ['models', pipeline, ...rest].join('/');
    async function versionNumbers(pipeline) {
        const entries = await (0,promises_.readdir)(base(pipeline), { withFileTypes: true }).catch(() => []);
        const out = [];
        for (const e of entries) {
            const m = VERSION_DIR.exec(e.name);
            // Complete versions only: a folder is renamed into place with its SHA256SUMS already inside.
            if (m && e.isDirectory() && (await (0,promises_.stat)(external_node_path_default().join(base(pipeline), e.name, SUMS_ASSET)).then(() => true, () => false)))
                out.push(Number(m[1]));
        }
        return out.sort((a, b) => a - b);
    }
    /** A version's files, each verified against its SHA256SUMS, and its model among them. */
    async function readVersion(pipeline, version) {
        const dir = external_node_path_default().join(base(pipeline), `v${version}`);
        const names = (await (0,promises_.readdir)(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).map((e) => e.name).sort();
        if (names.length === 0)
            throw new UserError(`${shown(pipeline, `v${version}`)}: there is no such version`);
        const files = await Promise.all(names.map(async (name) => ({ name, bytes: await (0,promises_.readFile)(external_node_path_default().join(dir, name)) })));
        return { files, model: verifyFiles(shown(pipeline, `v${version}`), pipeline, files) };
    }
    async function pointer(pipeline) {
        const file = shown(pipeline, 'champion.json');
        let text;
        try {
            text = await (0,promises_.readFile)(external_node_path_default().join(root, file), 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return undefined;
            throw new ModelFormatError(file, `cannot read the champion pointer (${err.code ?? String(err)})`);
        }
        let p;
        try {
            p = JSON.parse(text);
        }
        catch (err) {
            throw new ModelFormatError(file, `not a champion pointer (${err.message})`);
        }
        if (typeof p !== 'object' || p === null || typeof p.model !== 'string' || !/^[0-9a-f]{64}$/.test(String(p.sha256))) {
            throw new ModelFormatError(file, 'needs "model" (a path relative to the repository) and "sha256" (64 hex digits)');
        }
        return p;
    }
    const registry = {
        where: 'models/',
        async find(pipeline) {
            const numbers = await versionNumbers(pipeline);
            if (numbers.length > 0) {
                // The highest version is the champion; champion.json follows it (it may lag after a crash).
                const version = numbers[numbers.length - 1];
                const { model } = await readVersion(pipeline, version);
                return { source: `${shown(pipeline, `v${version}`, model.name)} (version ${version})`, bytes: model.bytes, sha256: sha256Hex(model.bytes), version };
            }
            const p = await pointer(pipeline);
            if (!p)
                return undefined;
            const abs = external_node_path_default().resolve(root, p.model);
            await checkFile(root, abs, p.model, `the champion named by ${shown(pipeline, 'champion.json')}`, true);
            return { source: `${p.model} (version ${p.version ?? '?'})`, bytes: await (0,promises_.readFile)(abs), sha256: p.sha256 };
        },
        async versions(pipeline) {
            const out = [];
            for (const version of await versionNumbers(pipeline)) {
                const dir = external_node_path_default().join(base(pipeline), `v${version}`);
                const record = await (0,promises_.readFile)(external_node_path_default().join(dir, RECORD_ASSET)).then((b) => parseRecord(shown(pipeline, `v${version}`), b), () => null);
                out.push({ version, tag: tagOf(pipeline, version), url: shown(pipeline, `v${version}`), record });
            }
            return out;
        },
        files: async (pipeline, version) => (await readVersion(pipeline, version)).files,
        async publish(pipeline, release, record) {
            const dir = external_node_path_default().join(base(pipeline), `v${record.version}`);
            const where = shown(pipeline, `v${record.version}`);
            if (await (0,promises_.stat)(dir).then(() => true, () => false)) {
                // Published before (a re-run): the same model completes nothing more; another is a conflict.
                const { model: existing } = await readVersion(pipeline, record.version);
                if (sha256Hex(existing.bytes) !== record.model_sha256)
                    throw new UserError(`${where} exists and holds another model; the version is taken`);
            }
            else {
                const tmp = external_node_path_default().join(base(pipeline), `.v${record.version}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
                await (0,promises_.mkdir)(tmp, { recursive: true });
                try {
                    for (const f of release)
                        await (0,promises_.writeFile)(external_node_path_default().join(tmp, f.name), f.bytes);
                    await (0,promises_.rename)(tmp, dir);
                }
                catch (err) {
                    await (0,promises_.rm)(tmp, { recursive: true, force: true });
                    throw err;
                }
            }
            const model = shown(pipeline, `v${record.version}`, MODEL_ASSET(pipeline));
            const ptr = { version: record.version, tag: record.tag, model, sha256: record.model_sha256 };
            await writeFileAtomic(external_node_path_default().join(base(pipeline), 'champion.json'), `${JSON.stringify(ptr, null, 2)}\n`);
            return { version: record.version, tag: record.tag, url: where, record };
        },
    };
    return registry;
}
/** The CLI's champion store: the local registry. */
const localChampionStore = (/* unused pure expression or super */ null && (localRegistry));

;// CONCATENATED MODULE: ./src/steps/history.ts
// `mlops history`: every published version of a pipeline's model, with its primary metric, when and
// why it was published, and which one is the champion (the highest version).


async function history_history(pipelineFile, io) {
    const cfg = await loadPipeline(pipelineFile, io.root, io.cwd);
    if (!io.registry)
        throw new InputError('token', 'no registry to read');
    const versions = await io.registry.versions(cfg.name);
    const top = versions[versions.length - 1]?.version;
    const json = versions.map((v) => ({
        version: v.version,
        tag: v.tag,
        champion: v.version === top,
        published_at: v.record?.published_at ?? null,
        decision: v.record?.decision ?? null,
        reason: v.record?.reasons[0] ?? null,
        rollback_of: v.record?.rollback_of ?? null,
        metric: v.record?.primary.metric ?? null,
        value: v.record?.primary.value ?? null,
        model_sha256: v.record?.model_sha256 ?? null,
        url: v.url,
    }));
    if (json.length === 0)
        return { json, text: `${cfg.name}: no published version in ${io.registry.where}\n` };
    const lines = [`${cfg.name}: ${json.length} version${json.length === 1 ? '' : 's'} in ${io.registry.where}; the champion is v${top}`, ''];
    for (const h of [...json].reverse()) {
        const metric = h.metric ? `${h.metric} ${h.value === null ? 'n/a' : h.value.toFixed(4)}` : '';
        lines.push(`${h.champion ? '*' : ' '} v${String(h.version).padEnd(4)} ${(h.published_at ?? 'unknown time').padEnd(24)} ${(h.decision ?? '').padEnd(12)} ${metric.padEnd(18)} ${h.model_sha256 ? h.model_sha256.slice(0, 12) : ''}`);
        if (h.reason)
            lines.push(`        ${h.reason}`);
    }
    return { json, text: `${lines.join('\n')}\n` };
}

;// CONCATENATED MODULE: ./src/serve/request-log.ts
// The request log that drift-report reads: JSON lines of inputs and predictions, sampled at a rate and
// rotated by size (file → file.1 → file.2 …, keeping `keep` old files). Writes are appended through one
// stream; a rotation waits for the stream to finish before renaming.



class RequestLog {
    stream;
    size = 0;
    rotating;
    /** Lines written while the file rotates; the new file gets them first. */
    pending = [];
    opts;
    constructor(opts) {
        this.opts = { keep: 3, random: Math.random, ...opts };
    }
    async open() {
        await (0,promises_.mkdir)(external_node_path_default().dirname(this.opts.file), { recursive: true });
        this.size = await (0,promises_.stat)(this.opts.file).then((s) => s.size, () => 0);
        this.stream = (0,external_node_fs_.createWriteStream)(this.opts.file, { flags: 'a' });
    }
    /** Logs one request (when the sample takes it). */
    write(entry) {
        if ((!this.stream && !this.rotating) || this.opts.random() >= this.opts.sample)
            return;
        const line = `${JSON.stringify(entry)}\n`;
        if (!this.stream) {
            this.pending.push(line);
            return;
        }
        this.stream.write(line);
        this.size += Buffer.byteLength(line);
        if (this.size >= this.opts.maxBytes && !this.rotating)
            this.rotating = this.rotate().finally(() => (this.rotating = undefined));
    }
    async rotate() {
        const old = this.stream;
        this.stream = undefined;
        await new Promise((resolve) => old.end(resolve));
        for (let i = this.opts.keep - 1; i >= 1; i--)
            await (0,promises_.rename)(`${this.opts.file}.${i}`, `${this.opts.file}.${i + 1}`).catch(() => { });
        await (0,promises_.rename)(this.opts.file, `${this.opts.file}.1`);
        this.stream = (0,external_node_fs_.createWriteStream)(this.opts.file, { flags: 'a' });
        const queued = this.pending.join('');
        this.pending = [];
        this.size = Buffer.byteLength(queued);
        if (queued)
            this.stream.write(queued);
    }
    async close() {
        await this.rotating;
        const s = this.stream;
        this.stream = undefined;
        if (s)
            await new Promise((resolve) => s.end(resolve));
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(37067);
;// CONCATENATED MODULE: ./src/engine/forest/compiled.ts

function compileForest(forest) {
    const total = forest.trees.reduce((n, t) => n + t.nodes, 0);
    const c = {
        task: forest.options.task,
        classes: forest.options.classes,
        features: forest.features,
        trees: forest.trees.length,
        roots: new Int32Array(forest.trees.length),
        feature: new Int32Array(total),
        threshold: new Float64Array(total),
        left: new Int32Array(total),
        right: new Int32Array(total),
        leaf: new Float64Array(total),
    };
    let offset = 0;
    forest.trees.forEach((t, k) => {
        c.roots[k] = offset;
        for (let node = 0; node < t.nodes; node++) {
            const at = offset + node;
            c.feature[at] = t.feature[node];
            c.threshold[at] = t.threshold[node];
            c.left[at] = offset + t.left[node];
            c.right[at] = offset + t.right[node];
            if (t.feature[node] < 0)
                c.leaf[at] = c.task === 'classification' ? leafClass(t, node, c.classes) : t.value[node];
        }
        offset += t.nodes;
    });
    return c;
}
/** Predictions for rows given as feature columns (one Float64Array per encoded feature). */
function predictCompiled(c, columns) {
    const n = columns[0]?.length ?? 0;
    const yPred = new Float64Array(n);
    const shares = c.task === 'classification' ? new Float64Array(n * c.classes) : null;
    const row = new Float64Array(c.features);
    const counts = new Int32Array(c.classes);
    const { roots, feature, threshold, left, right, leaf } = c;
    for (let i = 0; i < n; i++) {
        for (let f = 0; f < c.features; f++)
            row[f] = columns[f][i];
        if (shares) {
            // ml-array-mode: the class whose count first rises above the running maximum, in tree order.
            counts.fill(0);
            let best = 0;
            let bestCount = 0;
            for (let t = 0; t < c.trees; t++) {
                let node = roots[t];
                while (feature[node] >= 0)
                    node = row[feature[node]] < threshold[node] ? left[node] : right[node];
                const k = leaf[node];
                const m = ++counts[k];
                if (m > bestCount) {
                    bestCount = m;
                    best = k;
                }
            }
            yPred[i] = best;
            for (let k = 0; k < c.classes; k++)
                shares[i * c.classes + k] = counts[k] / c.trees;
        }
        else {
            let sum = 0;
            for (let t = 0; t < c.trees; t++) {
                let node = roots[t];
                while (feature[node] >= 0)
                    node = row[feature[node]] < threshold[node] ? left[node] : right[node];
                sum += leaf[node];
            }
            yPred[i] = sum / c.trees;
        }
    }
    return { yPred, shares };
}

;// CONCATENATED MODULE: ./src/engine/serving/request-table.ts
// A prediction request's values, column by column, as a table the package's encoding can apply to: the
// same typed columns that evaluate scores, so unknown categories and missing values are handled
// exactly as there. Columns are matched by name; extra ones are ignored (and counted); a missing or
// mistyped one is a RequestError that names the column and the row, never the whole schema.



/** A bad request: the status to answer and a message that says what to change. */
class RequestError extends UserError {
    status;
    constructor(status, message) {
        super(message);
        this.name = 'RequestError';
        this.status = status;
    }
}
/** The columns a package reads, in its order. */
function inputColumns(pkg) {
    return pkg.encoding.columns.map((c) => ({ name: c.name, kind: c.kind }));
}
function tableFromColumns(pkg, columns, rows) {
    const needed = pkg.encoding.columns;
    const absent = needed.filter((c) => !columns.has(c.name)).map((c) => c.name);
    if (absent.length > 0)
        throw new RequestError(400, `the column${absent.length === 1 ? '' : 's'} ${absent.slice(0, 5).map((n) => quoteValue(n, 60)).join(', ')}${absent.length > 5 ? ` and ${absent.length - 5} more` : ''} ${absent.length === 1 ? 'is' : 'are'} missing`);
    const out = [];
    const missing = [];
    for (const enc of needed) {
        const values = columns.get(enc.name);
        if (values.length !== rows)
            throw new RequestError(400, `the column ${quoteValue(enc.name, 60)} has ${values.length} values for ${rows} rows`);
        let gaps = 0;
        if (enc.kind === 'numeric') {
            const v = new Float64Array(rows);
            for (let r = 0; r < rows; r++) {
                const x = values[r];
                if (typeof x === 'number' && Number.isFinite(x))
                    v[r] = x;
                else if (x === null || x === undefined || x === '') {
                    v[r] = Number.NaN;
                    gaps++;
                }
                else if (typeof x === 'string' && NUMBER_SYNTAX.test(x.trim()) && Number.isFinite(Number(x)))
                    v[r] = Number(x);
                else
                    throw new RequestError(400, `row ${r}: the column ${quoteValue(enc.name, 60)} needs a number, not ${quoteValue(typeof x === 'string' ? x : JSON.stringify(x) ?? String(x), 40)}`);
            }
            out.push({ name: enc.name, kind: 'numeric', type: 'number', values: v, invalid: [] });
        }
        else {
            const codes = new Int32Array(rows);
            const levels = [];
            const index = new Map();
            for (let r = 0; r < rows; r++) {
                const x = values[r];
                let text;
                if (x === null || x === undefined)
                    text = undefined;
                else if (typeof x === 'string')
                    text = x;
                else if (typeof x === 'number' && Number.isFinite(x))
                    text = String(x);
                else if (typeof x === 'boolean')
                    text = enc.kind === 'boolean' ? (x ? enc.trueLevel : `not ${enc.trueLevel}`) : String(x);
                else
                    throw new RequestError(400, `row ${r}: the column ${quoteValue(enc.name, 60)} needs a ${enc.kind === 'hashed-text' ? 'text' : 'category'}, not ${quoteValue(JSON.stringify(x) ?? String(x), 40)}`);
                if (text === undefined) {
                    codes[r] = -1;
                    gaps++;
                    continue;
                }
                let code = index.get(text);
                if (code === undefined)
                    index.set(text, (code = levels.push(text) - 1));
                codes[r] = code;
            }
            out.push({ name: enc.name, kind: 'categorical', type: enc.kind === 'hashed-text' ? 'text' : enc.kind === 'boolean' ? 'boolean' : 'categorical', codes, levels });
        }
        missing.push(gaps);
    }
    const used = new Set(needed.map((c) => c.name));
    return {
        table: { columns: out, rowCount: rows, files: ['request'], fileIndex: new Uint16Array(rows), line: new Uint32Array(rows), issues: [], issueCounts: {} },
        extra: [...columns.keys()].filter((n) => !used.has(n)),
        missing,
    };
}

;// CONCATENATED MODULE: ./src/engine/serving/protocols.ts
// The two request protocols that serving platforms already speak, parsed into named columns:
// MLflow's scoring protocol (POST /invocations: dataframe_split, dataframe_records, instances, inputs,
// or text/csv) and the Open Inference Protocol (KServe v2: POST /v2/models/<name>/infer with one
// [N, F] tensor or one input per named column). Every malformed body is a RequestError (400).


function parseJson(body) {
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch (err) {
        throw new RequestError(400, `the body is not JSON (${err.message.slice(0, 120)})`);
    }
}
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
function fromRecords(records, what) {
    const columns = new Map();
    records.forEach((rec, r) => {
        if (!isRecord(rec))
            throw new RequestError(400, `${what}[${r}] is not an object of column to value`);
        for (const [k, v] of Object.entries(rec)) {
            let col = columns.get(k);
            if (!col)
                columns.set(k, (col = new Array(records.length).fill(null)));
            col[r] = v;
        }
    });
    return { columns, rows: records.length };
}
function fromRows(names, data, what) {
    const columns = new Map(names.map((n) => [n, new Array(data.length)]));
    data.forEach((row, r) => {
        if (!Array.isArray(row) || row.length !== names.length)
            throw new RequestError(400, `${what}[${r}] must be a list of ${names.length} values`);
        names.forEach((n, i) => (columns.get(n)[r] = row[i]));
    });
    return { columns, rows: data.length };
}
function fromColumnDict(dict, what) {
    let rows = -1;
    const columns = new Map();
    for (const [k, v] of Object.entries(dict)) {
        const values = Array.isArray(v) ? v : [v];
        if (rows >= 0 && values.length !== rows)
            throw new RequestError(400, `${what}: the column ${quoteValue(k, 60)} has ${values.length} values, the others ${rows}`);
        rows = values.length;
        columns.set(k, values);
    }
    return { columns, rows: Math.max(rows, 0) };
}
/** A small RFC 4180 reader for a text/csv request body (the header names the columns). */
function parseCsvBody(text) {
    const records = [];
    let field = '';
    let record = [];
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            }
            else if (c === '"')
                quoted = false;
            else
                field += c;
        }
        else if (c === '"')
            quoted = true;
        else if (c === ',') {
            record.push(field);
            field = '';
        }
        else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n')
                i++;
            record.push(field);
            field = '';
            if (record.length > 1 || record[0] !== '')
                records.push(record);
            record = [];
        }
        else
            field += c;
    }
    if (quoted)
        throw new RequestError(400, 'the CSV body has an unclosed quote');
    if (field !== '' || record.length > 0)
        records.push([...record, field]);
    const [header, ...rows] = records;
    if (!header)
        throw new RequestError(400, 'the CSV body is empty: it needs a header row');
    rows.forEach((r, i) => {
        if (r.length !== header.length)
            throw new RequestError(400, `CSV row ${i + 1} has ${r.length} fields, the header ${header.length}`);
    });
    // Empty cells are missing values, as in the data files.
    return fromRows(header, rows.map((r) => r.map((v) => (v === '' ? null : v))), 'CSV row');
}
/** An MLflow /invocations body. `order` names the columns of a positional row (instances as lists). */
function parseMlflow(body, contentType, order) {
    const type = contentType.split(';')[0].trim().toLowerCase();
    if (type === 'text/csv')
        return parseCsvBody(body.toString('utf8'));
    if (type !== 'application/json')
        throw new RequestError(415, `the content type must be application/json or text/csv, not ${quoteValue(type || '(none)', 60)}`);
    const json = parseJson(body);
    if (!isRecord(json))
        throw new RequestError(400, 'the body must be a JSON object with one of dataframe_split, dataframe_records, instances or inputs');
    const keys = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'].filter((k) => Object.hasOwn(json, k));
    if (keys.length !== 1)
        throw new RequestError(400, `the body must have exactly one of dataframe_split, dataframe_records, instances or inputs${keys.length ? ` (it has ${keys.join(', ')})` : ''}`);
    const key = keys[0];
    const v = json[key];
    if (key === 'dataframe_split') {
        if (!isRecord(v) || !Array.isArray(v.columns) || !Array.isArray(v.data) || !v.columns.every((c) => typeof c === 'string'))
            throw new RequestError(400, 'dataframe_split needs "columns" (a list of names) and "data" (a list of rows)');
        return fromRows(v.columns, v.data, 'dataframe_split.data');
    }
    if (key === 'dataframe_records') {
        if (!Array.isArray(v))
            throw new RequestError(400, 'dataframe_records must be a list of objects');
        return fromRecords(v, 'dataframe_records');
    }
    if (Array.isArray(v))
        return v.length > 0 && Array.isArray(v[0]) ? fromRows(order, v, key) : fromRecords(v, key);
    if (isRecord(v))
        return fromColumnDict(v, key);
    throw new RequestError(400, `${key} must be a list of rows or an object of columns`);
}
/** A KServe v2 infer body: the columns, and the outputs asked for (predict, predict_proba). */
function parseV2(body, order) {
    const json = parseJson(body);
    if (!isRecord(json) || !Array.isArray(json.inputs) || json.inputs.length === 0)
        throw new RequestError(400, 'the body must be an object with "inputs": a list of tensors');
    const outputs = Array.isArray(json.outputs) ? json.outputs.map((o) => (isRecord(o) ? String(o.name) : '')) : [];
    for (const o of outputs)
        if (o !== 'predict' && o !== 'predict_proba')
            throw new RequestError(400, `unknown output ${quoteValue(o, 40)} (outputs: predict, predict_proba)`);
    const id = typeof json.id === 'string' ? json.id : undefined;
    const inputs = json.inputs;
    const tensor = (input, i) => {
        if (!Array.isArray(input.shape) || !input.shape.every((d) => Number.isInteger(d) && d >= 0))
            throw new RequestError(400, `inputs[${i}].shape must be a list of whole numbers`);
        if (!Array.isArray(input.data))
            throw new RequestError(400, `inputs[${i}].data must be a list`);
        const data = input.data.flat(Infinity);
        const size = input.shape.reduce((a, b) => a * b, 1);
        if (data.length !== size)
            throw new RequestError(400, `inputs[${i}] has ${data.length} values for the shape [${input.shape.join(', ')}]`);
        return { shape: input.shape, data };
    };
    if (inputs.length === 1 && Array.isArray(inputs[0].shape) && inputs[0].shape.length === 2 && !order.includes(String(inputs[0].name))) {
        // One [N, F] tensor: its columns are the model's inputs in metadata order.
        const { shape, data } = tensor(inputs[0], 0);
        const [n, f] = shape;
        if (f !== order.length)
            throw new RequestError(400, `inputs[0] has ${f} columns; the model reads ${order.length} (see GET /v2/models/<name>)`);
        const columns = new Map(order.map((name, j) => [name, Array.from({ length: n }, (_, r) => data[r * f + j])]));
        return { columns, rows: n, outputs, id };
    }
    const columns = new Map();
    let rows = -1;
    inputs.forEach((input, i) => {
        if (typeof input.name !== 'string')
            throw new RequestError(400, `inputs[${i}].name must be a column name`);
        const { shape, data } = tensor(input, i);
        if (shape.length > 2 || (shape.length === 2 && shape[1] !== 1))
            throw new RequestError(400, `inputs[${i}] (${quoteValue(input.name, 60)}) must have the shape [N] or [N, 1]`);
        if (rows >= 0 && data.length !== rows)
            throw new RequestError(400, `inputs[${i}] (${quoteValue(input.name, 60)}) has ${data.length} rows, the others ${rows}`);
        rows = data.length;
        columns.set(input.name, data);
    });
    return { columns, rows, outputs, id };
}

;// CONCATENATED MODULE: ./src/serve/metrics.ts
// Prometheus metrics in the text exposition format (version 0.0.4): counters, gauges and histograms
// with labels. Small and exact for what serve needs; label values are escaped as the format requires.
const escapeLabel = (v) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labelText = (labels) => {
    const pairs = Object.entries(labels);
    return pairs.length === 0 ? '' : `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
};
class Metric {
    name;
    help;
    constructor(name, help) {
        this.name = name;
        this.help = help;
    }
}
class Counter extends Metric {
    values = new Map();
    type;
    constructor(name, help, type = 'counter') {
        super(name, help);
        this.type = type;
    }
    inc(labels = {}, by = 1) {
        const key = labelText(labels);
        this.values.set(key, (this.values.get(key) ?? 0) + by);
    }
    set(labels, value) {
        this.values.set(labelText(labels), value);
    }
    reset() {
        this.values.clear();
    }
    render() {
        return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, ...[...this.values].map(([k, v]) => `${this.name}${k} ${v}`)];
    }
}
class Histogram extends Metric {
    buckets;
    series = new Map();
    constructor(name, help, buckets) {
        super(name, help);
        this.buckets = buckets;
    }
    observe(labels, value) {
        const key = labelText(labels);
        let s = this.series.get(key);
        if (!s)
            this.series.set(key, (s = { labels, counts: new Array(this.buckets.length).fill(0), sum: 0, count: 0 }));
        for (let i = 0; i < this.buckets.length; i++)
            if (value <= this.buckets[i])
                s.counts[i]++;
        s.sum += value;
        s.count++;
    }
    render() {
        const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
        for (const s of this.series.values()) {
            this.buckets.forEach((b, i) => out.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`));
            out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`, `${this.name}_sum${labelText(s.labels)} ${s.sum}`, `${this.name}_count${labelText(s.labels)} ${s.count}`);
        }
        return out;
    }
}
/** The serving metrics: requests, errors, latency, predictions, rows, missing values, the model. */
class ServeMetrics {
    requests = new Counter('mlops_requests_total', 'HTTP requests by route and status code.');
    errors = new Counter('mlops_request_errors_total', 'HTTP requests answered with a 4xx or 5xx status, by route and code.');
    latency = new Histogram('mlops_request_duration_seconds', 'Request latency by route.', [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]);
    predictions = new Counter('mlops_predictions_total', 'Predictions by class (classification).');
    values = new Histogram('mlops_prediction_value', 'Predicted values (regression).', [0.1, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10000]);
    rows = new Histogram('mlops_rows_per_request', 'Rows per prediction request.', [1, 2, 5, 10, 50, 100, 500, 1000, 5000, 10000]);
    rowsTotal = new Counter('mlops_rows_total', 'Rows predicted.');
    missing = new Counter('mlops_feature_missing_total', 'Rows with no value, by feature column.');
    missingRate = new Counter('mlops_feature_missing_rate', 'The share of predicted rows with no value, by feature column.', 'gauge');
    extra = new Counter('mlops_extra_columns_total', 'Request columns the model does not use (ignored).');
    model = new Counter('mlops_model_info', 'The model being served (1), with its version and digest as labels.', 'gauge');
    swaps = new Counter('mlops_model_swaps_total', 'Model hot swaps through PUT /admin/model, by result.');
    /** Missing counts per feature, kept as plain numbers: the labelled series are built at render time only. */
    missingCounts = new Float64Array(0);
    missingFeatures = [];
    rowCount = 0;
    countMissing(features, missing, rows) {
        if (features !== this.missingFeatures) {
            // Another model (a swap): its own columns, counted from here on.
            const before = new Map(this.missingFeatures.map((f, i) => [f, this.missingCounts[i]]));
            this.missingFeatures = features;
            this.missingCounts = Float64Array.from(features, (f) => before.get(f) ?? 0);
        }
        this.rowCount += rows;
        for (let i = 0; i < missing.length; i++)
            this.missingCounts[i] += missing[i];
    }
    render() {
        this.missing.reset();
        this.missingRate.reset();
        this.missingFeatures.forEach((f, i) => {
            if (this.missingCounts[i])
                this.missing.inc({ feature: f }, this.missingCounts[i]);
            this.missingRate.set({ feature: f }, this.rowCount === 0 ? 0 : this.missingCounts[i] / this.rowCount);
        });
        const all = [this.requests, this.errors, this.latency, this.predictions, this.values, this.rows, this.rowsTotal, this.missing, this.missingRate, this.extra, this.model, this.swaps];
        return `${all.flatMap((m) => m.render()).join('\n')}\n`;
    }
}

;// CONCATENATED MODULE: ./src/serve/server.ts
// `mlops serve`: a prediction server for one model, on node:http, in the protocols serving platforms
// speak: MLflow's scoring protocol and the Open Inference Protocol (KServe v2). Each request takes the
// model slot as it is when the request starts, so a hot swap (PUT /admin/model) never mixes two models
// in one answer and never fails a request in flight; a model that fails its checks is refused and the
// old one keeps serving. Errors are JSON with a message that names the problem, never a stack.










const SERVE_DEFAULTS = { host: '127.0.0.1', port: 5000, maxBodyBytes: 10 * 1024 * 1024, maxRows: 10_000, maxModelBytes: 512 * 1024 * 1024, timeoutMs: 30_000 };
/** Loads and checks a package for serving: parsed, compiled, and its stored examples predicted as recorded. */
function loadSlot(bytes, source, version) {
    const pkg = parseModel(source, bytes);
    const compiled = compileForest(forestOf(pkg, pkg.encoding.features.length));
    const slot = { pkg, inputs: pkg.encoding.columns.map((c) => c.name), compiled, sha256: (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex'), version };
    smokeTest(slot, source);
    return slot;
}
/** The rows stored in the package must predict as train recorded them. */
function smokeTest(slot, source) {
    const ex = slot.pkg.examples;
    if (!ex || ex.rows.length === 0)
        throw new RequestError(422, `${source} has no example rows to check it with (train it again with this version of mlops)`);
    const columns = new Map(slot.pkg.encoding.columns.map((c) => [c.name, ex.rows.map((r) => r[c.name] ?? null)]));
    const got = predictRows(slot, { columns, rows: ex.rows.length }).labels;
    got.forEach((p, i) => {
        if (p !== ex.predictions[i])
            throw new RequestError(422, `${source} fails its smoke test: example row ${i} predicts ${JSON.stringify(p)}, the package recorded ${JSON.stringify(ex.predictions[i])}`);
    });
}
function predictRows(slot, req) {
    const { table, missing, extra } = tableFromColumns(slot.pkg, req.columns, req.rows);
    const { yPred, shares } = predictCompiled(slot.compiled, applyEncoding(table, slot.pkg.encoding));
    const classes = slot.pkg.target.classes;
    return { labels: Array.from(yPred, (v) => (classes ? classes[v] : v)), shares, missing, extra };
}
function readBody(req, limit) {
    return new Promise((resolve, reject) => {
        const declared = Number(req.headers['content-length'] ?? NaN);
        if (declared > limit)
            return reject(new RequestError(413, `the body is ${declared} bytes; the limit is ${limit}`));
        const chunks = [];
        let size = 0;
        req.on('data', (c) => {
            size += c.length;
            if (size > limit) {
                req.removeAllListeners('data');
                req.resume();
                reject(new RequestError(413, `the body is larger than the limit of ${limit} bytes`));
            }
            else
                chunks.push(c);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}
const bearerMatches = (header, token) => {
    // Compared as digests: constant time, whatever the lengths.
    const given = (0,external_node_crypto_.createHash)('sha256').update(header?.startsWith('Bearer ') ? header.slice(7) : '').digest();
    return (0,external_node_crypto_.timingSafeEqual)(given, (0,external_node_crypto_.createHash)('sha256').update(token).digest());
};
class PredictionServer {
    slot;
    metrics = new ServeMetrics();
    server;
    opts;
    url = '';
    constructor(slot, opts) {
        this.slot = slot;
        this.opts = opts;
        this.showModel();
    }
    showModel() {
        this.metrics.model.reset();
        this.metrics.model.set({ pipeline: this.slot.pkg.pipeline, version: this.slot.version, digest: `sha256:${this.slot.sha256}` }, 1);
    }
    async start() {
        this.server = (0,external_node_http_.createServer)((req, res) => void this.handle(req, res));
        this.server.requestTimeout = this.opts.timeoutMs;
        this.server.headersTimeout = Math.min(this.opts.timeoutMs, 60_000);
        this.server.keepAliveTimeout = 5_000;
        await new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(this.opts.port, this.opts.host, resolve);
        });
        const a = this.server.address();
        this.url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
        return this;
    }
    async stop() {
        if (!this.server)
            return;
        this.server.closeIdleConnections();
        await new Promise((resolve) => this.server.close(() => resolve()));
        await this.opts.log?.close();
    }
    send(res, status, body, type = 'application/json') {
        const text = type === 'application/json' ? JSON.stringify(body) : String(body);
        res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
        res.end(text);
    }
    async handle(req, res) {
        const started = process.hrtime.bigint();
        const url = new URL(req.url ?? '/', 'http://serve.invalid');
        const name = this.slot.pkg.pipeline;
        let route = 'other';
        let status = 500;
        try {
            const p = url.pathname;
            const method = req.method ?? 'GET';
            const found = this.route(p, name);
            if (!found) {
                if (p.startsWith('/v2/models/'))
                    throw new RequestError(404, `no model ${JSON.stringify(decodeURIComponent(p.split('/')[3] ?? '').slice(0, 60))} here; this server serves "${name}"`);
                throw new RequestError(404, `no route ${method} ${p.slice(0, 100)}`);
            }
            route = found.route;
            if (method !== found.method)
                throw new RequestError(405, `${p} takes ${found.method}`);
            status = await found.run(req, res);
        }
        catch (err) {
            status = err instanceof RequestError ? err.status : 500;
            if (!(err instanceof RequestError))
                this.opts.onError?.(err);
            // A body not read yet (refused before reading) is drained, so the client is not left waiting.
            if (!req.readableEnded)
                req.resume();
            if (!res.headersSent)
                this.send(res, status, { error: err instanceof RequestError ? err.message : 'internal error' });
            if (!(err instanceof RequestError))
                res.destroy();
        }
        finally {
            const labels = { route, code: String(status) };
            this.metrics.requests.inc(labels);
            if (status >= 400)
                this.metrics.errors.inc(labels);
            this.metrics.latency.observe({ route }, Number(process.hrtime.bigint() - started) / 1e9);
        }
    }
    /** The routes: what each path takes and answers. */
    route(p, name) {
        const get = (route, body, type) => ({ route, method: 'GET', run: async (_req, res) => (this.send(res, 200, body(), type), 200) });
        if (p === '/ping' || p === '/health')
            return get(p, () => ({ status: 'ok' }));
        if (p === '/version')
            return get(p, () => this.version());
        if (p === '/metrics')
            return get(p, () => this.metrics.render(), 'text/plain; version=0.0.4; charset=utf-8');
        if (p === '/v2/health/live')
            return get(p, () => ({ live: true }));
        if (p === '/v2/health/ready')
            return get(p, () => ({ ready: true }));
        if (p === `/v2/models/${name}`)
            return get('/v2/models/{name}', () => this.v2Metadata());
        if (p === `/v2/models/${name}/ready`)
            return get('/v2/models/{name}/ready', () => ({ name, ready: true }));
        if (p === '/invocations')
            return { route: p, method: 'POST', run: (req, res) => this.invocations(req, res) };
        if (p === `/v2/models/${name}/infer`)
            return { route: '/v2/models/{name}/infer', method: 'POST', run: (req, res) => this.v2Infer(req, res) };
        if (p === '/admin/model' && this.opts.adminToken !== undefined)
            return { route: p, method: 'PUT', run: (req, res) => this.swap(req, res) };
        return undefined;
    }
    version() {
        return { pipeline: this.slot.pkg.pipeline, version: this.slot.version, model_digest: `sha256:${this.slot.sha256}`, task: this.slot.pkg.task, tool: TOOL };
    }
    predict(slot, parsed) {
        if (parsed.rows > this.opts.maxRows)
            throw new RequestError(413, `${parsed.rows} rows; the limit is ${this.opts.maxRows} per request`);
        if (parsed.rows === 0)
            throw new RequestError(400, 'no rows to predict');
        const out = predictRows(slot, parsed);
        const m = this.metrics;
        m.rows.observe({}, parsed.rows);
        m.rowsTotal.inc({}, parsed.rows);
        m.countMissing(slot.inputs, out.missing, parsed.rows);
        if (out.extra.length)
            m.extra.inc({}, out.extra.length);
        for (const l of out.labels) {
            if (typeof l === 'string')
                m.predictions.inc({ class: l });
            else
                m.values.observe({}, l);
        }
        if (this.opts.log) {
            const inputs = Object.fromEntries(slot.inputs.map((k) => [k, parsed.columns.get(k)]));
            this.opts.log.write({ time: new Date().toISOString(), pipeline: slot.pkg.pipeline, version: slot.version, model_digest: `sha256:${slot.sha256}`, inputs, predictions: out.labels });
        }
        return out;
    }
    async invocations(req, res) {
        const slot = this.slot;
        const body = await readBody(req, this.opts.maxBodyBytes);
        const out = this.predict(slot, parseMlflow(body, String(req.headers['content-type'] ?? ''), slot.inputs));
        const classes = slot.pkg.target.classes;
        const answer = { predictions: out.labels };
        if (classes && out.shares)
            answer.probabilities = out.labels.map((_, i) => Object.fromEntries(classes.map((c, k) => [c, out.shares[i * classes.length + k]])));
        if (out.extra.length)
            answer.ignored_columns = out.extra.slice(0, 20);
        this.send(res, 200, answer);
        return 200;
    }
    v2Metadata() {
        const pkg = this.slot.pkg;
        const datatype = (kind) => (kind === 'numeric' ? 'FP64' : kind === 'boolean' ? 'BOOL' : 'BYTES');
        const outputs = [{ name: 'predict', datatype: pkg.task === 'classification' ? 'BYTES' : 'FP64', shape: [-1] }];
        if (pkg.target.classes)
            outputs.push({ name: 'predict_proba', datatype: 'FP64', shape: [-1, pkg.target.classes.length] });
        return { name: pkg.pipeline, versions: [this.slot.version], platform: 'mlops-actions', inputs: pkg.encoding.columns.map((c) => ({ name: c.name, datatype: datatype(c.kind), shape: [-1] })), outputs, parameters: { classes: pkg.target.classes, model_digest: `sha256:${this.slot.sha256}` } };
    }
    async v2Infer(req, res) {
        const slot = this.slot;
        const body = await readBody(req, this.opts.maxBodyBytes);
        const parsed = parseV2(body, slot.inputs);
        const out = this.predict(slot, parsed);
        const classes = slot.pkg.target.classes;
        const wanted = parsed.outputs.length > 0 ? parsed.outputs : ['predict'];
        if (wanted.includes('predict_proba') && !classes)
            throw new RequestError(400, 'predict_proba exists only for a classifier');
        const outputs = [];
        if (wanted.includes('predict'))
            outputs.push({ name: 'predict', datatype: classes ? 'BYTES' : 'FP64', shape: [parsed.rows], data: out.labels });
        if (wanted.includes('predict_proba'))
            outputs.push({ name: 'predict_proba', datatype: 'FP64', shape: [parsed.rows, classes.length], data: Array.from(out.shares) });
        this.send(res, 200, { model_name: slot.pkg.pipeline, model_version: slot.version, ...(parsed.id ? { id: parsed.id } : {}), outputs });
        return 200;
    }
    async swap(req, res) {
        if (!bearerMatches(req.headers.authorization, this.opts.adminToken))
            throw new RequestError(401, 'a valid bearer token is required');
        const expected = String(req.headers['x-model-sha256'] ?? '').replace(/^sha256:/, '');
        if (!/^[0-9a-f]{64}$/.test(expected))
            throw new RequestError(400, 'the header x-model-sha256 must give the package\'s sha256');
        const bytes = await readBody(req, this.opts.maxModelBytes);
        const actual = (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
        try {
            if (actual !== expected)
                throw new RequestError(400, `the package's sha256 is ${actual}, not ${expected}`);
            let next;
            try {
                next = loadSlot(bytes, 'the package', String(req.headers['x-model-version'] ?? 'unversioned').slice(0, 64));
            }
            catch (err) {
                throw err instanceof RequestError ? err : new RequestError(422, err.message);
            }
            const cur = this.slot.pkg;
            if (next.pkg.pipeline !== cur.pipeline || next.pkg.task !== cur.task || next.pkg.target.name !== cur.target.name)
                throw new RequestError(409, `the package is a model of "${next.pkg.pipeline}" (${next.pkg.task}); this server serves "${cur.pipeline}" (${cur.task})`);
            // The swap itself: one assignment. Requests in flight keep the slot they started with.
            this.slot = next;
            this.showModel();
            this.metrics.swaps.inc({ result: 'swapped' });
            this.send(res, 200, this.version());
            return 200;
        }
        catch (err) {
            this.metrics.swaps.inc({ result: 'refused' });
            throw err;
        }
    }
}

;// CONCATENATED MODULE: ./src/serve/command.ts
// `mlops serve`: the champion of a pipeline (from the local registry) or a package file, served until
// SIGINT or SIGTERM. The admin route's token comes from an environment variable, never a flag (flags
// show in process lists).










const SERVE_FLAGS = ['pipeline', 'model', 'host', 'port', 'max-body-bytes', 'max-rows', 'timeout-ms', 'log', 'log-sample', 'log-max-bytes', 'admin-token-env'];
function wholeNumber(flags, name, fallback, min = 0, max = Number.MAX_SAFE_INTEGER) {
    const raw = flags[name];
    if (raw === undefined)
        return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
        throw new InputError(name, `${JSON.stringify(raw)} is not a whole number from ${min} to ${max}`);
    return Number(raw);
}
/** Starts the server the flags describe; the caller stops it. */
async function startServe(flags, where, env, say) {
    let slot;
    if ((flags.pipeline === undefined) === (flags.model === undefined))
        throw new UserError('serve: give --pipeline FILE (its champion) or --model PACKAGE, one of them');
    if (flags.pipeline !== undefined) {
        const cfg = await loadPipeline(flags.pipeline, where.root, where.cwd);
        const champion = await localRegistry(where.root).find(cfg.name);
        if (!champion)
            throw new UserError(`${cfg.file}: "${cfg.name}" has no champion in models/ yet; run mlops run (or publish-model) first, or serve a --model`);
        checkPublished(champion);
        slot = loadSlot(champion.bytes, champion.source, champion.version !== undefined ? `v${champion.version}` : 'unversioned');
    }
    else {
        const abs = resolveTyped(where.cwd, where.root, flags.model);
        const bytes = await (0,promises_.readFile)(abs).catch((err) => {
            throw new ModelFormatError(displayName(where.root, abs), `cannot read the model package (${err.code ?? String(err)})`);
        });
        slot = loadSlot(bytes, displayName(where.root, abs), 'unversioned');
    }
    const tokenVar = flags['admin-token-env'] ?? 'MLOPS_ADMIN_TOKEN';
    const adminToken = env[tokenVar] || undefined;
    const sample = flags['log-sample'] === undefined ? 1 : Number(flags['log-sample']);
    if (!(sample >= 0 && sample <= 1))
        throw new InputError('log-sample', `${JSON.stringify(flags['log-sample'])} is not a share from 0 to 1`);
    let log;
    if (flags.log !== undefined) {
        log = new RequestLog({ file: external_node_path_default().resolve(where.cwd, flags.log), sample, maxBytes: wholeNumber(flags, 'log-max-bytes', 64 * 1024 * 1024, 1024) });
        await log.open();
    }
    const server = new PredictionServer(slot, {
        host: flags.host ?? SERVE_DEFAULTS.host,
        port: wholeNumber(flags, 'port', SERVE_DEFAULTS.port, 0, 65535),
        maxBodyBytes: wholeNumber(flags, 'max-body-bytes', SERVE_DEFAULTS.maxBodyBytes, 1),
        maxRows: wholeNumber(flags, 'max-rows', SERVE_DEFAULTS.maxRows, 1),
        maxModelBytes: SERVE_DEFAULTS.maxModelBytes,
        timeoutMs: wholeNumber(flags, 'timeout-ms', SERVE_DEFAULTS.timeoutMs, 1),
        adminToken,
        log,
        onError: (err) => say(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    });
    try {
        await server.start();
    }
    catch (err) {
        throw new UserError(`serve: cannot listen on ${flags.host ?? SERVE_DEFAULTS.host}:${flags.port ?? SERVE_DEFAULTS.port} (${err.code ?? err.message})`);
    }
    say(`serving ${slot.pkg.pipeline} ${slot.version} (sha256:${slot.sha256.slice(0, 12)}…) on ${server.url}: MLflow POST /invocations, KServe v2 /v2/models/${slot.pkg.pipeline}/infer, GET /metrics${adminToken ? ', PUT /admin/model' : ` (no ${tokenVar}, so no PUT /admin/model)`}`);
    return server;
}

;// CONCATENATED MODULE: ./src/engine/text/terminal.ts
// The terminal gets plain text: the job summary's Markdown with its HTML entities decoded and <code>
// tags turned into backticks. Decoding is safe there: escapeMarkdown has already replaced every
// control character, so no escape sequence can come back, and a terminal renders no HTML.
const NAMED = { lt: '<', gt: '>', amp: '&', quot: '"' };
/** Markdown for a job summary → text for a terminal, in one pass (so "&amp;#64;" stays "&#64;"). */
function toTerminal(markdown) {
    return markdown.replace(/&(#\d{1,7}|lt|gt|amp|quot);|<\/?code>/g, (match, entity) => {
        if (entity === undefined)
            return '`';
        if (entity.startsWith('#')) {
            const code = Number(entity.slice(1));
            return code >= 0x20 && code <= 0x10ffff && !(code >= 0x7f && code <= 0x9f) ? String.fromCodePoint(code) : match;
        }
        return NAMED[entity] ?? match;
    });
}

;// CONCATENATED MODULE: ./src/front/json-outputs.ts
/** The outputs typed by their spec: '' is null for numbers and JSON; paths and strings stay strings. */
function typedOutputs(spec, outputs) {
    const typed = {};
    for (const [name, raw] of Object.entries(outputs)) {
        const type = spec.outputs.find((o) => o.name === name)?.type ?? 'string';
        if (type === 'boolean')
            typed[name] = raw === 'true';
        else if (type === 'number')
            typed[name] = raw === '' ? null : Number(raw);
        else if (type === 'json')
            typed[name] = raw === '' ? null : JSON.parse(raw);
        else
            typed[name] = raw;
    }
    return typed;
}

;// CONCATENATED MODULE: ./src/front/cli.ts
// The CLI front door: `mlops <step> --<input> value ...`. Every action is a subcommand and its inputs
// are the flags. Exit codes: 0 success, 1 a negative verdict (data failed validation, model failed its
// gate), 2 a usage or configuration error, 3 a bug of ours.
















class UsageError extends UserError {
    constructor(message) {
        super(`${message} (see mlops help)`);
        this.name = 'UsageError';
    }
}
const defaultStreams = () => ({
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
});
/** The repository: GITHUB_WORKSPACE in Actions, else the nearest folder up from `cwd` with a .git, else `cwd`. */
async function findRoot(cwd, env = process.env) {
    if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_WORKSPACE)
        return external_node_path_default().resolve(env.GITHUB_WORKSPACE);
    for (let dir = external_node_path_default().resolve(cwd);; dir = external_node_path_default().dirname(dir)) {
        if (await (0,promises_.stat)(external_node_path_default().join(dir, '.git')).then(() => true, () => false))
            return dir;
        if (external_node_path_default().dirname(dir) === dir)
            return external_node_path_default().resolve(cwd);
    }
}
const SWITCHES = new Set(['json', 'force', 'help']);
/** `--name value`, `--name=value`; switches (--json, --force, --help) take no value. */
function parseFlags(args, allowed, command) {
    const flags = Object.create(null);
    const switches = new Set();
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        if (arg === '-h') {
            switches.add('help');
            continue;
        }
        if (!arg.startsWith('--'))
            throw new UsageError(`${command}: unexpected argument ${JSON.stringify(arg)}; flags look like --pipeline FILE`);
        const eq = arg.indexOf('=');
        const name = arg.slice(2, eq < 0 ? undefined : eq);
        if (SWITCHES.has(name) && eq < 0) {
            switches.add(name);
            continue;
        }
        if (!allowed.includes(name))
            throw new UsageError(`${command}: unknown flag --${name} (flags: ${allowed.map((a) => `--${a}`).join(', ')})`);
        let value;
        if (eq >= 0)
            value = arg.slice(eq + 1);
        else {
            const next = args[i + 1];
            if (next === undefined || next.startsWith('--'))
                throw new UsageError(`${command}: the flag --${name} needs a value`);
            value = next;
            i++;
        }
        if (Object.hasOwn(flags, name))
            throw new UsageError(`${command}: the flag --${name} is given twice`);
        flags[name] = value;
    }
    return { flags, switches };
}
function stepInputs(spec, flags) {
    const inputs = {};
    for (const input of spec.inputs) {
        const given = flags[input.name];
        if (input.required && (given === undefined || given === ''))
            throw new UsageError(`${spec.name}: the flag --${input.name} is required: ${input.description}`);
        // Defaults that are workflow expressions (the token) mean nothing outside Actions.
        inputs[input.name] = given ?? (input.default?.includes('${{') ? '' : (input.default ?? ''));
    }
    return inputs;
}
function cliIO(streams, root, overwrite) {
    const registry = localRegistry(root);
    return {
        root,
        cwd: streams.cwd,
        overwrite,
        champions: registry,
        registry,
        info: (m) => streams.err(`${m}\n`),
        warning: (m) => streams.err(`warning: ${m}\n`),
        annotate: (a) => {
            const where = a.file ? `${a.file}${a.line !== undefined ? `:${a.line}` : ''}: ` : '';
            streams.err(`${a.level}: ${where}${a.message}\n`);
        },
    };
}
function stepHelp(spec) {
    const lines = [`  ${spec.name.padEnd(22)}${spec.description}`];
    for (const input of spec.inputs)
        lines.push(`      --${input.name}${input.required ? ' (required)' : ''}: ${input.description}`);
    lines.push(`      outputs (--json): ${spec.outputs.map((o) => `${o.name} (${o.type})`).join(', ')}`);
    return lines;
}
const COMMON = ['', '--json prints the outputs as one JSON object on stdout, typed: booleans, numbers, lists and objects as JSON values.', '--force replaces an existing output file that mlops did not write.', 'Paths you type are relative to the current folder; paths in a pipeline file are relative to the repository (the git root).', 'exit codes: 0 success, 1 data failed validation or the model failed its gate, 2 usage or configuration error, 3 internal error'];
function help(only) {
    if (only)
        return `${[`usage: mlops ${only.name} [--flag value ...] [--json] [--force]`, '', ...stepHelp(only), ...COMMON].join('\n')}\n`;
    const lines = ['usage: mlops <command> [--flag value ...] [--json] [--force]', '', 'commands:'];
    for (const spec of STEP_SPECS)
        lines.push(...stepHelp(spec));
    lines.push(`  ${'run'.padEnd(22)}Runs the whole chain (${RUN_CHAIN.join(' → ')}) for one pipeline.`, '      --pipeline (required)');
    lines.push(`  ${'schema infer'.padEnd(22)}Writes a data schema inferred from the data, to review and commit; used by the pipeline without editing it.`, '      --pipeline (required), --data, --output (default <name>.schema.yml beside the pipeline), --force');
    lines.push(`  ${'history'.padEnd(22)}Lists every published version of a pipeline's model, with its metrics, when and why it was published, and the champion.`, '      --pipeline (required), --json');
    lines.push(`  ${'serve'.padEnd(22)}Serves a model over HTTP: MLflow's /invocations and KServe v2, /metrics, and PUT /admin/model (bearer token from $MLOPS_ADMIN_TOKEN).`, `      --pipeline FILE (its champion) or --model PACKAGE; ${SERVE_FLAGS.slice(2).map((f) => `--${f}`).join(', ')}`);
    lines.push(`  ${'version'.padEnd(22)}Prints the version (also --version).`);
    lines.push(...COMMON);
    return `${lines.join('\n')}\n`;
}
async function schemaInfer(args, streams, root) {
    const { flags, switches } = parseFlags(args, ['pipeline', 'data', 'output'], 'schema infer');
    if (switches.has('help')) {
        streams.out(help());
        return 0;
    }
    if (!flags.pipeline)
        throw new UsageError('schema infer: the flag --pipeline is required');
    const cfg = await loadPipeline(flags.pipeline, root, streams.cwd);
    const io = { root, cwd: streams.cwd, overwrite: switches.has('force') };
    const convention = conventionSchemaPath(cfg.file, cfg.name);
    const target = userPath(io, flags, 'output', convention);
    // The pipeline's own schema is not read: this is how it comes to exist, or is renewed.
    const data = optionalInput(flags, 'data');
    const table = await readPipelineData(cfg, data ?? cfg.data.train, data === undefined ? 'data.train' : 'the data flag', undefined, resolveOptions(io, data !== undefined));
    if (table.rowCount === 0)
        throw new UserError(`${table.files.join(', ')}: no rows to infer a schema from; a schema of nothing would let any data pass`);
    const schema = inferSchema(table, cfg.validation.maxMissingRate);
    const comment = `Data schema for the pipeline "${cfg.name}", inferred by \`mlops schema infer\` from ${table.files.join(', ')} (${table.rowCount} rows).\nReview it (types, ranges, categories, max_missing) before you commit it; validate-data checks data against it.`;
    if (!switches.has('force') && (await (0,promises_.stat)(target.abs).then(() => true, () => false)))
        throw new UsageError(`schema infer: ${target.shown} exists; pass --force to replace it`);
    await writeOutputs(io, [[target, formatSchema(schema, comment)]], runInputs(cfg, table).filter((f) => f !== external_node_path_default().resolve(root, cfg.schema ?? '\0')));
    const used = cfg.schema !== undefined && cfg.schemaSource === 'key' && external_node_path_default().resolve(root, cfg.schema) === target.abs
        ? `the pipeline's schema key names it, so ${cfg.file} uses it`
        : target.shown === convention && cfg.schemaSource !== 'key'
            ? `${cfg.file} uses it without any change: a schema named <name>.schema.yml beside the pipeline is found by name`
            : `${cfg.file} does not use it yet: set schema: ${target.shown} there${cfg.schemaSource === 'key' ? ` (it names ${cfg.schema} now)` : ''}`;
    if (switches.has('json'))
        streams.out(`${JSON.stringify({ schema: target.shown, columns: table.columns.length, used: used.startsWith(`${cfg.file} does not`) ? false : true })}\n`);
    else
        streams.out(`wrote ${target.shown} (${table.columns.length} columns); ${used}\n`);
    return 0;
}
async function runStep(name, flags, io) {
    return STEP_RUNNERS[name](stepInputs(stepSpec(name), flags), io);
}
async function runChain(args, streams, root) {
    const { flags, switches } = parseFlags(args, ['pipeline'], 'run');
    if (switches.has('help')) {
        streams.out(help());
        return 0;
    }
    if (!flags.pipeline)
        throw new UsageError('run: the flag --pipeline is required');
    const io = cliIO(streams, root, switches.has('force'));
    const all = {};
    const typed = {};
    for (const name of RUN_CHAIN) {
        streams.err(`── ${name}\n`);
        const skip = chainSkip(name, all);
        if (skip !== undefined) {
            streams.err(`${name}: skipped: ${skip}\n`);
            continue;
        }
        const result = await runStep(name, chainInputs(name, flags.pipeline, all), io);
        all[name] = result.outputs;
        typed[name] = typedOutputs(stepSpec(name), result.outputs);
        if (!switches.has('json'))
            streams.out(toTerminal(result.summary));
        if (!result.ok) {
            streams.err(`${name}: ${result.failure ?? 'failed'}\n`);
            if (switches.has('json'))
                streams.out(`${JSON.stringify(typed)}\n`);
            return 1;
        }
    }
    if (switches.has('json'))
        streams.out(`${JSON.stringify(typed)}\n`);
    return 0;
}
/** Runs the CLI; returns the exit code. */
async function runCli(argv, streams = defaultStreams()) {
    try {
        const [command, ...rest] = argv;
        if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
            streams.out(help());
            return command === undefined ? 2 : 0;
        }
        if (command === '--version' || command === '-V' || command === 'version') {
            streams.out(`mlops ${VERSION}\n`);
            return 0;
        }
        const root = await findRoot(streams.cwd, streams.env);
        if (command === 'run')
            return await runChain(rest, streams, root);
        if (command === 'serve') {
            const { flags, switches } = parseFlags(rest, SERVE_FLAGS, 'serve');
            if (switches.has('help')) {
                streams.out(help());
                return 0;
            }
            const server = await startServe(flags, { root, cwd: streams.cwd }, streams.env ?? process.env, (m) => streams.err(`${m}\n`));
            await new Promise((resolve) => {
                const stop = () => resolve();
                process.once('SIGINT', stop);
                process.once('SIGTERM', stop);
            });
            await server.stop();
            return 0;
        }
        if (command === 'history') {
            const { flags, switches } = parseFlags(rest, ['pipeline'], 'history');
            if (!flags.pipeline)
                throw new UsageError('history: the flag --pipeline is required');
            const out = await history_history(flags.pipeline, cliIO(streams, root, false));
            streams.out(switches.has('json') ? `${JSON.stringify(out.json)}\n` : out.text);
            return 0;
        }
        if (command === 'schema') {
            const [sub, ...args] = rest;
            if (sub !== 'infer')
                throw new UsageError(`schema: unknown subcommand ${JSON.stringify(sub ?? '')}; try "schema infer"`);
            return await schemaInfer(args, streams, root);
        }
        if (!STEP_NAMES.includes(command))
            throw new UsageError(`unknown command ${JSON.stringify(command)} (commands: ${[...STEP_NAMES, 'run', 'serve', 'history', 'schema infer', 'version'].join(', ')})`);
        const name = command;
        const spec = stepSpec(name);
        const { flags, switches } = parseFlags(rest, spec.inputs.map((i) => i.name), name);
        if (switches.has('help')) {
            streams.out(help(spec));
            return 0;
        }
        const result = await runStep(name, flags, cliIO(streams, root, switches.has('force')));
        if (switches.has('json'))
            streams.out(`${JSON.stringify(typedOutputs(spec, result.outputs))}\n`);
        else
            streams.out(toTerminal(result.summary));
        if (!result.ok)
            streams.err(`${name}: ${result.failure ?? 'failed'}\n`);
        return result.ok ? 0 : 1;
    }
    catch (err) {
        if (err instanceof UserError) {
            streams.err(`mlops: ${err.message}\n`);
            return 2;
        }
        streams.err(`mlops: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        return 3;
    }
}

;// CONCATENATED MODULE: ./src/index.ts
// The one bundle's entry: both front doors over the one engine.




var __webpack_exports__forestWorkerMain = __webpack_exports__.r_;
var __webpack_exports__runAction = __webpack_exports__.Cs;
var __webpack_exports__runCli = __webpack_exports__.ak;
export { __webpack_exports__forestWorkerMain as forestWorkerMain, __webpack_exports__runAction as runAction, __webpack_exports__runCli as runCli };

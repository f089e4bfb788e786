// ESLint rule: every import must be allowed by the importing file's layer (see layers.js).
import { builtinModules } from 'node:module';
import path from 'node:path';
import { LAYERS } from './layers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const LAYER_KEYS = Object.keys(LAYERS).sort((a, b) => b.length - a.length);

/** The layer key of a project-relative path, or undefined for tests, bench, build… */
export function layerOf(relPath) {
  const p = relPath.split(path.sep).join('/');
  return LAYER_KEYS.find((key) => p === key || p.startsWith(`${key}/`));
}

function packageName(source) {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why `source`, imported from project file `fromRel`, breaks the boundaries; undefined if allowed. */
export function violation(fromRel, source) {
  const key = layerOf(fromRel);
  if (!key) return undefined;
  const layer = LAYERS[key];
  if (source.startsWith('.') || source.startsWith('/')) {
    const target = path.relative(ROOT, path.resolve(ROOT, path.dirname(fromRel), source));
    const targetNorm = target.split(path.sep).join('/');
    if (targetNorm.startsWith('..')) return `${key}/ may not import outside the project (${source})`;
    const allowed = layer.folders.some((f) => targetNorm === f || targetNorm.startsWith(`${f}/`));
    return allowed ? undefined : `${key}/ may not import from ${targetNorm.split('/').slice(0, 2).join('/')} (${source})`;
  }
  if (NODE_BUILTINS.has(source) || NODE_BUILTINS.has(source.split('/')[0])) {
    return layer.node ? undefined : `${key}/ may not import Node built-ins (${source})`;
  }
  const name = packageName(source);
  if (name === 'electron') return layer.electron ? undefined : `only main/shell/ and preload/ may import electron`;
  if (name === 'react' || name === 'react-dom') return layer.react ? undefined : `${key}/ may not import React`;
  if (layer.packages === '*') return undefined;
  return layer.packages.includes(name) ? undefined : `${key}/ may not import the package ${name}`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const boundariesRule = {
  meta: { type: 'problem', docs: { description: 'Enforce the architecture layers' }, schema: [] },
  create(context) {
    const fromRel = path.relative(ROOT, context.filename);
    const check = (node, sourceNode) => {
      if (!sourceNode || sourceNode.type !== 'Literal' || typeof sourceNode.value !== 'string') return;
      const why = violation(fromRel, sourceNode.value);
      if (why) context.report({ node, message: `Layer boundary: ${why}.` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0]);
      },
    };
  },
};

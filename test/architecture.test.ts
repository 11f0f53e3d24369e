/**
 * The rules of src/'s layout (issue #12), checked on the source text so that a drift fails a test:
 * files and functions that read in one sitting, no import cycle (type-only included), io/ below
 * report/ and commands/, no module-level mutable state outside io/, a pure core, and no
 * export without a production caller (those kept for tests say `@testOnly` in their comment).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/run.js';

const srcDir = path.join(repoRoot, 'src');

interface Module {
  file: string; // relative to src/, with '/'
  text: string;
  source: ts.SourceFile;
  imports: { target: string; typeOnly: boolean; names: string[] }[];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out.sort();
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)).replace(/\.js$/, '.ts');
}

function load(): Map<string, Module> {
  const modules = new Map<string, Module>();
  for (const full of sourceFiles(srcDir)) {
    const file = path.relative(srcDir, full).split(path.sep).join('/');
    const text = readFileSync(full, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
    const imports: Module['imports'] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolve(file, node.moduleSpecifier.text);
        if (target) {
          const names: string[] = [];
          let typeOnly = false;
          if (ts.isImportDeclaration(node)) {
            const clause = node.importClause;
            typeOnly = clause?.isTypeOnly ?? false;
            const bindings = clause?.namedBindings;
            if (bindings && ts.isNamedImports(bindings)) {
              for (const el of bindings.elements) names.push((el.propertyName ?? el.name).text);
              if (bindings.elements.length > 0 && bindings.elements.every((el) => el.isTypeOnly)) typeOnly = true;
            } else if (bindings) names.push('*');
            if (clause?.name) names.push('default');
          } else {
            typeOnly = node.isTypeOnly;
            if (node.exportClause && ts.isNamedExports(node.exportClause)) for (const el of node.exportClause.elements) names.push((el.propertyName ?? el.name).text);
            else names.push('*');
          }
          imports.push({ target, typeOnly, names });
        }
      }
      // import('./x.js') and typeof import('./x.js'): the names used from it are found by text below
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const arg = node.arguments[0];
        const target = arg && ts.isStringLiteral(arg) ? resolve(file, arg.text) : undefined;
        if (target) imports.push({ target, typeOnly: false, names: ['*'] });
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const target = resolve(file, node.argument.literal.text);
        if (target) imports.push({ target, typeOnly: true, names: ['*'] });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    modules.set(file, { file, text, source, imports });
  }
  return modules;
}

const modules = load();

/** The comment lines directly above a node (JSDoc or //), as text. */
function commentAbove(mod: Module, node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(mod.text, node.getFullStart()) ?? [];
  return ranges.map((r) => mod.text.slice(r.pos, r.end)).join('\n');
}

describe('src/ layout', () => {
  it('has no source file over 300 lines', () => {
    const long = [...modules.values()].map((m) => [m.file, m.text.split('\n').length] as const).filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });

  it('has no function over 60 lines without a reason in the comment above it ("Long: …")', () => {
    const long: string[] = [];
    for (const mod of modules.values()) {
      const visit = (node: ts.Node, holder: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const start = mod.source.getLineAndCharacterOfPosition(node.getStart()).line;
          const end = mod.source.getLineAndCharacterOfPosition(node.getEnd()).line;
          // a function's comment may stand above its declaration, or above the const or property that holds it
          if (end - start + 1 > 60 && !/\bLong:/.test(commentAbove(mod, node)) && !/\bLong:/.test(commentAbove(mod, holder))) long.push(`${mod.file}:${start + 1} (${end - start + 1} lines)`);
        }
        const next = ts.isVariableStatement(node) || ts.isPropertyAssignment(node) || ts.isExportAssignment(node) ? node : ts.isFunctionLike(node) ? node : holder;
        ts.forEachChild(node, (child) => visit(child, next));
      };
      visit(mod.source, mod.source);
    }
    expect(long).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const walk = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const { target } of modules.get(file)?.imports ?? []) {
        if (!modules.has(target)) continue;
        if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '));
        else if (!state.has(target)) walk(target);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of modules.keys()) if (!state.has(file)) walk(file);
    expect(cycles).toEqual([]);
  });

  it('keeps each layer to what it may import', () => {
    const rules: [RegExp, RegExp, string][] = [
      [/^io\//, /^(report|commands|pipeline)\/|^cli\.ts$/, 'io/ reads and writes files: it imports no renderer, command or pipeline'],
      [/^core\//, /^(io|report|commands|pipeline)\/|^cli\.ts$/, 'core/ is pure: it imports nothing outside core/'],
      [/^report\//, /^(io|commands|pipeline)\/|^cli\.ts$/, 'report/ turns data into text: no files, no commands'],
    ];
    const wrong: string[] = [];
    for (const mod of modules.values())
      for (const [from, to, why] of rules)
        if (from.test(mod.file)) for (const imp of mod.imports) if (to.test(imp.target)) wrong.push(`${mod.file} imports ${imp.target}: ${why}`);
    expect(wrong).toEqual([]);
  });

  it('keeps core/ and report/ free of the file system, the process and colour', () => {
    const wrong: string[] = [];
    for (const mod of modules.values()) {
      if (!/^(core|report)\//.test(mod.file)) continue;
      if (/from 'node:(fs|fs\/promises|child_process|worker_threads|os)'/.test(mod.text)) wrong.push(`${mod.file}: node file/process module`);
      if (/\bprocess\.(env|exit|stdout|stderr|cwd|argv)/.test(mod.text)) wrong.push(`${mod.file}: process`);
      if (/^core\//.test(mod.file) && /from 'chalk'/.test(mod.text)) wrong.push(`${mod.file}: chalk`);
    }
    expect(wrong).toEqual([]);
  });

  it('has no module-level mutable state outside io/', () => {
    // A module-level `let`, or a collection that a function changes, is state shared by every caller
    // (and every test). Tables filled once while the module loads are not, nor a memo of a pure function
    // (a lazily loaded module, a cache of stems) whose comment says `@memo`: callers cannot tell it is there.
    const wrong: string[] = [];
    const MUTATORS = new Set(['set', 'add', 'delete', 'clear', 'push', 'pop', 'shift', 'unshift', 'splice', 'fill', 'sort', 'reverse', 'copyWithin']);
    for (const mod of modules.values()) {
      if (/^io\//.test(mod.file)) continue;
      const topLevel = new Map<string, number>();
      for (const statement of mod.source.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
        for (const decl of statement.declarationList.declarations) {
          const line = mod.source.getLineAndCharacterOfPosition(decl.getStart()).line + 1;
          if (/@memo\b/.test(commentAbove(mod, statement))) continue;
          if (!isConst) wrong.push(`${mod.file}:${line} let ${decl.name.getText(mod.source)}`);
          else if (ts.isIdentifier(decl.name)) topLevel.set(decl.name.text, line);
        }
      }
      const visit = (node: ts.Node, inFunction: boolean): void => {
        if (inFunction) {
          let target: ts.Expression | undefined;
          if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) target = node.expression.expression;
          if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && (ts.isElementAccessExpression(node.left) || ts.isPropertyAccessExpression(node.left))) target = node.left.expression;
          if (target && ts.isIdentifier(target) && topLevel.has(target.text)) wrong.push(`${mod.file}:${topLevel.get(target.text)} const ${target.text}, changed at line ${mod.source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        ts.forEachChild(node, (child) => visit(child, inFunction || ts.isFunctionLike(node)));
      };
      visit(mod.source, false);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('exports nothing without a production caller, except what says @testOnly', () => {
    const binText = readFileSync(path.join(repoRoot, 'bin/werkscan.js'), 'utf8');
    const unused: string[] = [];
    for (const mod of modules.values()) {
      if (mod.file === 'cli.ts') continue; // the entry point; bin/werkscan.js imports run()
      for (const statement of mod.source.statements) {
        const names: string[] = [];
        const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
        if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
        const isType = ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement);
        if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) names.push(d.name.getText(mod.source));
        else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || isType || ts.isEnumDeclaration(statement)) && statement.name) names.push(statement.name.text);
        if (/@testOnly/.test(commentAbove(mod, statement))) continue;
        for (const name of names) {
          const word = new RegExp(`\\b${name}\\b`);
          const used = [...modules.values()].some(
            (other) => other !== mod && other.imports.some((imp) => imp.target === mod.file && (imp.names.includes(name) || (imp.names.includes('*') && word.test(other.text)))),
          );
          // a type that another declaration of its own module names is part of that module's interface
          const ownUses = isType ? mod.text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0 : 0;
          if (!used && ownUses < 2 && !(mod.file === 'pipeline/stream-worker.ts') && !word.test(binText)) unused.push(`${mod.file}: ${name}`);
        }
      }
    }
    expect(unused).toEqual([]);
  });
});

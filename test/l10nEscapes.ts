/**
 * Finds user-visible strings in src/vscode that escape `vscode.l10n.t` (issue 18: every word the editor shows goes
 * through the l10n bundle; the knowledge base of src/core stays English). Static: the TypeScript parser over the
 * sources, no type checking. Three rules:
 *   1. a string or template literal at a user-visible place (a notification, quick pick, input box, progress title,
 *      tree item, status-bar item, Markdown, an error thrown from src/vscode, a command spec's `failure` …) that is not
 *      inside `l10n.t(…)`;
 *   2. any other literal that reads as prose (two words with a space between them), outside logging calls; catches
 *      strings on their way to a sink through a variable or a helper of ours;
 *   3. `l10n.t` misuse: a first argument that is not a plain string literal (l10n-dev cannot export it) and translated
 *      fragments glued together with `+` or a template (a translator must see the whole sentence).
 * A literal that is not for people (a context key, a Markdown code span built from data, …) carries the comment
 * `// l10n-ignore: <why>` on its line or the line above.
 *
 * `node out/test/l10nEscapes.js [folder]` prints each escape as `file:line:column  rule  where  "text"`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

export interface L10nEscape {
  file: string;
  line: number;
  column: number;
  rule: 'sink' | 'prose' | 'misuse';
  /** Where the text goes, e.g. `showInformationMessage`, `label:`, `new Error`. */
  where: string;
  text: string;
}

/** Calls whose string arguments users read. */
const SINK_CALLS = new Set([
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'showQuickPick',
  'showInputBox',
  'withProgress',
  'withCancellableProgress',
  'appendMarkdown',
  'appendText',
  'setStatusBarMessage',
]);
/** `new X(…)`: the string arguments are shown (tree items, Markdown, errors that end up in a notification). */
const SINK_CONSTRUCTORS = new Set(['TreeItem', 'MarkdownString', 'Error', 'ExplainedError', 'TypeError', 'RangeError']);
/** vscode.FileSystemError.FileNotFound(…) & co.: VS Code shows their message when a document cannot open. */
const FILE_SYSTEM_ERRORS = new Set(['FileNotFound', 'FileExists', 'FileNotADirectory', 'FileIsADirectory', 'NoPermissions', 'Unavailable']);
/** Properties users read, in object literals (`{ label: … }`) and assignments (`item.tooltip = …`). */
const SINK_PROPERTIES = new Set([
  'label',
  'description',
  'detail',
  'tooltip',
  'title',
  'placeHolder',
  'placeholder',
  'prompt',
  'text',
  'message',
  'validationMessage',
  'failure',
  'accessibilityInformation',
]);
/** Only as an assignment (`item.name = …`): as an object key it is too often data. */
const SINK_ASSIGNED_PROPERTIES = new Set([...SINK_PROPERTIES, 'name']);
/** Logs are for the developer and for bug reports: English, like VS Code's own. */
const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'appendLine', 'append', 'log']);
const PROSE = /[A-Za-z]{2,}[\s,.:;!?…'’()/-]*\s[\s,.:;!?…'’()/-]*[A-Za-z]{2,}/;
/** A word a translator would touch: letters with a lower-case one (not an acronym such as SSE-S3 or KMS). */
const WORD = /[A-Za-z]*[a-z][A-Za-z]*/g;

/** The text without what is never translated: codicons `$(key)`, URIs and ARNs, placeholders. */
function wordsOf(text: string): string[] {
  const stripped = text.replace(/\$\([a-z-]+\)/g, ' ').replace(/\b(s3|arn|https?):\S*/g, ' ');
  return (stripped.match(WORD) ?? []).filter((word) => word.length >= 2);
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

function isL10nCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 't'
    ? calleeText(node.expression.expression).endsWith('l10n')
    : false;
}

function calleeText(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return `${calleeText(expression.expression)}.${expression.name.text}`;
  return '';
}

function isLogCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !LOG_METHODS.has(callee.name.text)) return false;
  const target = callee.expression;
  const name = ts.isCallExpression(target) ? calleeName(target.expression) : calleeName(target);
  return name !== undefined && /^(log|logger|console|channel|output|outputChannel)$/i.test(name);
}

/** The literal's text as a reader sees it (`${…}` as `{}`). */
function literalText(node: ts.StringLiteralLike | ts.TemplateExpression): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
}

/** Walks up through expressions that pass a value on unchanged (parentheses, `a ? b : c`, `a ?? b`, `a || b`, `as`). */
function passThroughParent(node: ts.Node): ts.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    const passes =
      ts.isParenthesizedExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      (ts.isConditionalExpression(parent) && parent.condition !== current) ||
      (ts.isBinaryExpression(parent) &&
        [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.PlusToken].includes(parent.operatorToken.kind)) ||
      ts.isTemplateSpan(parent) ||
      ts.isTemplateExpression(parent) ||
      ts.isArrayLiteralExpression(parent) ||
      ts.isSpreadElement(parent);
    if (!passes) return current;
    current = parent;
  }
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** Where a literal's value is shown, if the place itself says so. */
function sinkOf(node: ts.Node): string | undefined {
  const top = passThroughParent(node);
  const parent = top.parent;
  if (!parent) return undefined;
  if (ts.isCallExpression(parent) && parent.arguments.includes(top as ts.Expression)) {
    const name = calleeName(parent.expression);
    if (name && SINK_CALLS.has(name)) return name;
    if (name && FILE_SYSTEM_ERRORS.has(name)) return `FileSystemError.${name}`;
  }
  if (ts.isNewExpression(parent) && parent.arguments?.includes(top as ts.Expression)) {
    const name = calleeName(parent.expression);
    // ExplainedError(code, what, why, todo): the code is an identifier, not text.
    if (name === 'ExplainedError' && parent.arguments[0] === top) return undefined;
    if (name && SINK_CONSTRUCTORS.has(name)) return `new ${name}`;
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === top) {
    const name = propertyName(parent.name);
    if (name && SINK_PROPERTIES.has(name)) return `${name}:`;
  }
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === top) {
    const name = ts.isPropertyAccessExpression(parent.left) ? parent.left.name.text : undefined;
    if (name && SINK_ASSIGNED_PROPERTIES.has(name)) return `.${name} =`;
  }
  // The answer of an input box's validateInput.
  const fn =
    ts.isArrowFunction(parent) && parent.body === top ? parent : ts.isReturnStatement(parent) ? enclosingFunction(parent) : undefined;
  if (fn && fn.parent && ts.isPropertyAssignment(fn.parent) && propertyName(fn.parent.name) === 'validateInput') return 'validateInput';
  return undefined;
}

function enclosingFunction(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return current;
  return undefined;
}

/** Literals that are code, not text: imports, types, keys, comparisons, `case`s, element access. */
function isCodeLiteral(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  return (
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    ts.isExternalModuleReference(parent) ||
    ts.isLiteralTypeNode(parent) ||
    ts.isCaseClause(parent) ||
    ts.isElementAccessExpression(parent) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isBinaryExpression(parent) &&
      [
        ts.SyntaxKind.EqualsEqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.EqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsToken,
        ts.SyntaxKind.InKeyword,
      ].includes(parent.operatorToken.kind))
  );
}

function insideAncestor(node: ts.Node, test: (ancestor: ts.Node) => boolean): boolean {
  for (let current = node.parent; current; current = current.parent) if (test(current)) return true;
  return false;
}

/** `// l10n-ignore: why` on the literal's line or the line above it, or above the statement that holds it. */
function ignoredByComment(source: ts.SourceFile, node: ts.Node): boolean {
  const lines = source.text.split('\n');
  let statement: ts.Node = node;
  while (statement.parent && !ts.isBlock(statement.parent) && !ts.isSourceFile(statement.parent)) statement = statement.parent;
  return [node, statement].some((at) => {
    const line = source.getLineAndCharacterOfPosition(at.getStart(source)).line;
    return [lines[line], lines[line - 1] ?? ''].some((text) => text.includes('l10n-ignore'));
  });
}

/** Every escape in one source text (exported for the checker's own tests). */
export function findEscapesInSource(fileName: string, text: string): L10nEscape[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const escapes: L10nEscape[] = [];
  const add = (node: ts.Node, rule: L10nEscape['rule'], where: string, shown: string): void => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    escapes.push({ file: fileName, line: line + 1, column: character + 1, rule, where, text: shown });
  };

  const visit = (node: ts.Node): void => {
    if (isL10nCall(node)) {
      const [message] = node.arguments;
      if (!message || !ts.isStringLiteral(message))
        add(node, 'misuse', 'l10n.t', `first argument must be a string literal: ${node.getText(source).slice(0, 80)}`);
      const glued = passThroughParent(node);
      if (glued !== node && !ts.isArrayLiteralExpression(glued) && !ts.isConditionalExpression(glued) && !ignoredByComment(source, node))
        if (hasGluingAncestor(node, glued))
          add(node, 'misuse', 'l10n.t', `translated fragment glued into a larger string: ${glued.getText(source).slice(0, 80)}`);
      // What is inside l10n.t(…) is translated or an argument: nothing more to check there.
      return;
    }
    if ((ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) && !isCodeLiteral(node) && !ignoredByComment(source, node)) {
      const shown = literalText(node);
      if (wordsOf(shown).length > 0 && !insideAncestor(node, (ancestor) => ts.isCallExpression(ancestor) && isLogCall(ancestor))) {
        const sink = sinkOf(node);
        if (sink) add(node, 'sink', sink, shown);
        else if (PROSE.test(shown) && wordsOf(shown).length > 1) add(node, 'prose', 'text', shown);
      }
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return escapes;
}

/**
 * True when a `+` or a template between `node` and `top` joins the translation with words of another sentence.
 * Joining whole translated sentences or lines with markup, spaces or line breaks (`**…**`, `  \n`, `$(icon)`) is fine.
 */
function hasGluingAncestor(node: ts.Node, top: ts.Node): boolean {
  for (let current: ts.Node = node; current !== top; current = current.parent) {
    const parent = current.parent;
    if (ts.isTemplateExpression(parent) && wordsOf(literalText(parent)).length > 0) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const other = parent.left === current ? parent.right : parent.left;
      if (ts.isStringLiteralLike(other) && wordsOf(other.text).length > 0) return true;
      if (ts.isTemplateExpression(other) && wordsOf(literalText(other)).length > 0) return true;
    }
  }
  return false;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return typeScriptFiles(path);
      return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
    });
}

/** Every escape under `dir` (src/vscode), file names relative to `root`. */
export function findL10nEscapes(root: string, dir = join(root, 'src', 'vscode')): L10nEscape[] {
  return typeScriptFiles(dir).flatMap((path) => findEscapesInSource(relative(root, path), readFileSync(path, 'utf8')));
}

/** The first argument of every `l10n.t('…')` under `dir`: what l10n/bundle.l10n.json must hold. */
export function l10nMessages(root: string, dir = join(root, 'src', 'vscode')): Set<string> {
  const messages = new Set<string>();
  for (const path of typeScriptFiles(dir)) {
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (isL10nCall(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) messages.add(node.arguments[0].text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return messages;
}

export function formatEscape(escape: L10nEscape): string {
  const text = escape.text.length > 100 ? `${escape.text.slice(0, 99)}…` : escape.text;
  return `${escape.file}:${escape.line}:${escape.column}  ${escape.rule}  ${escape.where}  ${JSON.stringify(text)}`;
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  const escapes = findL10nEscapes(root, process.argv[2] ? join(process.cwd(), process.argv[2]) : undefined);
  for (const escape of escapes) console.log(formatEscape(escape));
  console.log(`${escapes.length} user-visible string(s) outside vscode.l10n.t`);
  process.exitCode = escapes.length > 0 ? 1 : 0;
}

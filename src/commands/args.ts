import type { RegistryNode } from '../tree/nodes';
import { STAGE_ORDER } from '../tree/nodes';

/**
 * Commands get whatever their caller passes: a tree row from a menu, nothing from the palette
 * or a keybinding (normal: the command asks), or anything at all from another extension or a
 * keybinding's `args`. A wrong argument is refused with this error, which the command wrapper
 * turns into one sentence; it never reaches the command's code as a half-valid node.
 */
export class CommandArgumentError extends Error {
  constructor(
    readonly command: string,
    /** What came, described without its content (it may be anything). */
    readonly received: string,
    /** What the command takes, e.g. "a model or version row". */
    readonly expected: string,
  ) {
    super(`${command} cannot use ${received}: it takes ${expected}, or nothing.`);
    this.name = 'CommandArgumentError';
  }
}

type Kind = RegistryNode['kind'];
type NodeOf<K extends Kind> = Extract<RegistryNode, { kind: K }>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';

/** Whether `v` has the shape of a node of its kind (what the tree hands to menu commands). */
function isNode(v: unknown): v is RegistryNode {
  if (!isObject(v) || !isString(v.id)) return false;
  switch (v.kind) {
    case 'model':
      return isObject(v.model) && isString(v.model.name) && Array.isArray(v.model.aliases) && Array.isArray(v.model.latestVersions);
    case 'version':
      return isObject(v.version) && isString(v.version.name) && isString(v.version.version) && Array.isArray(v.aliases);
    case 'stageGroup':
      return isString(v.modelName) && STAGE_ORDER.includes(v.stage as never);
    case 'loadMoreVersions':
      return isString(v.modelName);
    case 'loadMoreModels':
      return true;
    default:
      return false;
  }
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return isString(v.kind) && isNode(v) ? `a ${v.kind} row` : 'an object that is not a Models view row';
  return `a ${typeof v}`;
}

const KIND_TEXT: Record<Kind, string> = {
  model: 'model',
  version: 'version',
  stageGroup: 'stage group',
  loadMoreVersions: '"Load more" row',
  loadMoreModels: '"Load more" row',
};

/** A Models view row of one of `kinds`, or undefined when nothing was passed. */
export function optionalNode<K extends Kind>(command: string, arg: unknown, kinds: readonly K[]): NodeOf<K> | undefined {
  if (arg === undefined) return undefined;
  if (isNode(arg) && (kinds as readonly Kind[]).includes(arg.kind)) return arg as NodeOf<K>;
  throw new CommandArgumentError(command, describeValue(arg), `a ${kinds.map((k) => KIND_TEXT[k]).join(' or ')} row of the Models view`);
}

/** Like optionalNode, for internal commands that only ever run on a row. */
export function requiredNode<K extends Kind>(command: string, arg: unknown, kinds: readonly K[]): NodeOf<K> {
  const node = optionalNode(command, arg, kinds);
  if (!node) throw new CommandArgumentError(command, 'nothing', `a ${kinds.map((k) => KIND_TEXT[k]).join(' or ')} row of the Models view`);
  return node;
}

/** A string argument (a keybinding's `args`), or undefined when nothing was passed. */
export function optionalString(command: string, arg: unknown): string | undefined {
  if (arg === undefined || isString(arg)) return arg;
  throw new CommandArgumentError(command, describeValue(arg), 'a text');
}

/** What keybindings pass (`"args": { "from": "selection" }`): act on the Models view's selection. */
const fromSelection = (v: unknown) => isObject(v) && v.from === 'selection' && Object.keys(v).length === 1;

/**
 * The rows a command acts on: the row it was run on, or every selected row when VS Code passes
 * the multi-selection (menus pass `(row, selectedRows)`); the view's selection for keybindings;
 * undefined from the palette (the command asks). Rows of other kinds in a selection are left out.
 */
/** Whether a command was called by a keybinding on the view's selection. */
export function isSelectionCall(args: readonly unknown[]): boolean {
  return fromSelection(args[0]);
}

export function nodesArg<K extends Kind>(
  command: string,
  args: readonly unknown[],
  kinds: readonly K[],
  selection: () => readonly RegistryNode[],
): NodeOf<K>[] | undefined {
  const [first, all] = args;
  const ofKind = (nodes: readonly RegistryNode[]) => nodes.filter((n): n is NodeOf<K> => (kinds as readonly Kind[]).includes(n.kind));
  if (fromSelection(first)) return ofKind(selection());
  const node = optionalNode(command, first, kinds);
  if (!node) return undefined;
  // The row right-clicked comes first: commands that act on one row act on that one.
  if (Array.isArray(all) && all.every(isNode) && all.some((n: RegistryNode) => n.id === node.id))
    return [node, ...ofKind(all as RegistryNode[]).filter((n) => n.id !== node.id)];
  return [node];
}

/**
 * View-title actions are called with the view's focused row and selection (VS Code 1.71 and
 * later; the exact shape varies): commands that act on the whole view take any rows, or lists
 * of rows, as "nothing".
 */
function isViewContext(args: readonly unknown[]): boolean {
  return args.every((a) => a === undefined || isNode(a) || (Array.isArray(a) && a.every(isNode)));
}

/** A text argument, none, or the view title's row arguments (which mean none). */
export function textOrTitle(command: string, args: readonly unknown[]): string | undefined {
  return isViewContext(args) ? undefined : optionalString(command, args[0]);
}

/** No argument, or the view title's row arguments: anything else is refused (the command acts on the whole view). */
export function wholeView(command: string, args: readonly unknown[]): void {
  if (!isViewContext(args)) throw new CommandArgumentError(command, describeValue(args[0]), 'no argument (it acts on the whole view)');
}

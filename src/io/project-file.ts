/**
 * Finding the project file `werkscan.yaml`: in the folder `-C`/`--project` names, or by walking up from the
 * corpus folder a command is given (from the working directory when none is), to the file system root.
 * A few stat calls; the file is parsed through the YAML parse cache like every other YAML file.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/errors.js';
import type { ProjectSettings } from '../core/model.js';
import { defaultSettings, parseProjectFile } from '../core/parse/project.js';
import type { YamlCache } from '../core/parse/yaml-parsed.js';
import { display, readText } from './read.js';

const PROJECT_FILE = 'werkscan.yaml';

function isFile(abs: string): boolean {
  try {
    return statSync(abs, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // ENOTDIR (the corpus given is a file: said when it is read), EACCES: no project file there
  }
}

/** The project file above `from` (absolute), or null. */
function findProjectFile(from: string): string | null {
  for (let dir = from; ; ) {
    const candidate = path.join(dir, PROJECT_FILE);
    if (isFile(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export interface ProjectLookup {
  cwd: string;
  /** `-C DIR`: the folder that holds the project file. */
  projectDir?: string | null;
  /** The corpus folder the command was given, if any. */
  corpus?: string | null;
  yamlCache?: YamlCache | null;
}

/** The settings of the project a command runs in: its project file's, or the defaults. */
export function projectSettings(lookup: ProjectLookup): ProjectSettings {
  const { cwd } = lookup;
  let file: string | null;
  if (lookup.projectDir) {
    const dir = path.resolve(cwd, lookup.projectDir);
    file = path.join(dir, PROJECT_FILE);
    if (!isFile(file)) {
      throw new InputError(`no ${PROJECT_FILE} in ${display(cwd, dir)}`, { hint: `-C/--project names the folder that holds ${PROJECT_FILE}; leave it out to look for it from the corpus folder upwards` });
    }
  } else {
    file = findProjectFile(path.resolve(cwd, lookup.corpus ?? '.'));
  }
  if (file === null) return defaultSettings(cwd);
  const shown = display(cwd, file);
  return parseProjectFile(readText(file, shown), shown, path.dirname(file), lookup.yamlCache ?? null);
}

/**
 * A folder a command uses: the one given on the command line, else the project file's (relative to its
 * folder), else the usual name; as a path relative to the working directory when it can be.
 */
export function folderFor(settings: ProjectSettings, cwd: string, given: string | undefined, key: keyof ProjectSettings['paths'], usual: string): string {
  if (given !== undefined) return given;
  if (settings.file === null) return usual;
  return display(cwd, path.resolve(settings.root, settings.paths[key] ?? usual));
}

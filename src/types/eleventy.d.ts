// Eleventy 3 and its RSS plugin ship no type declarations: these cover the parts clippings uses.
declare module '@11ty/eleventy' {
  export interface CollectionApi {
    getFilteredByGlob(glob: string | string[]): { url: string | false; inputPath: string; data: Record<string, unknown> }[];
    getAll(): { url: string | false; inputPath: string; data: Record<string, unknown> }[];
  }
  export interface UserConfig {
    directories: { input: string; output: string; includes: string; data: string };
    ignores: { add(glob: string): void; delete(glob: string): void };
    addPlugin(plugin: unknown, options?: unknown): void;
    addGlobalData(name: string, value: unknown): void;
    addCollection(name: string, build: (api: CollectionApi) => unknown): void;
    addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
    addPassthroughCopy(copy: string | Record<string, string>): void;
    setLibrary(extension: string, library: unknown): void;
    addWatchTarget(path: string): void;
    setQuietMode(quiet: boolean): void;
    setUseGitIgnore(use: boolean): void;
    on(event: string, handler: (...args: never[]) => unknown): void;
  }
  export const HtmlBasePlugin: unknown;
  export class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; config?: (config: UserConfig) => void });
    write(): Promise<unknown>;
  }
}

declare module '@11ty/eleventy-plugin-rss' {
  /** A Date → an RFC 3339 timestamp without milliseconds, as Atom wants. */
  export function dateToRfc3339(date: Date): string;
}

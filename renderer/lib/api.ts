/**
 * The one typed client for the API contract, over whichever transport exists:
 * Electron IPC (`window.workbench.invoke`) or the browser host (`POST /api/<method>`
 * with the per-launch token). Every call returns the contract's result type.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contract, MethodName } from '../../shared/api';
import type { ApiError, ApiResult, InputOf, ResultOf } from '../../shared/api/contract';
import type { UploadRef } from '../../shared/api/session';

declare global {
  interface Window {
    workbench?: { host: 'electron'; invoke(method: string, input: unknown): Promise<ApiResult<unknown>> };
  }
}

export type In<M extends MethodName> = InputOf<Contract[M]>;
export type Out<M extends MethodName> = ResultOf<Contract[M]>;

const TOKEN_KEY = 'workbench.token';

/** The browser host passes its token in the first URL (?token=…); it is kept for the tab and removed from the address bar. */
function token(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const qs = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (qs ? `?${qs}` : '') + window.location.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export const isElectron = () => typeof window !== 'undefined' && !!window.workbench;

export class ApiCallError extends Error {
  constructor(public error: ApiError) {
    super(error.message);
  }
}

/** Fired when a team server answers 401 (session ended, revoked or expired): the app returns to sign-in. */
export const SIGNED_OUT_EVENT = 'workbench:signed-out';

/** Solo: the per-launch token as a bearer header. Team: nothing (the HttpOnly session cookie travels by itself). */
function authHeaders(): Record<string, string> {
  const t = token();
  return t ? { Authorization: `Bearer ${t}` } : {};
}

export async function invoke<M extends MethodName>(method: M, input: In<M>): Promise<ApiResult<Out<M>>> {
  if (window.workbench) return (await window.workbench.invoke(method, input)) as ApiResult<Out<M>>;
  try {
    const res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authHeaders() },
      body: JSON.stringify(input ?? {}),
    });
    const result = (await res.json()) as ApiResult<Out<M>>;
    if (res.status === 401 && !token() && !result.ok)
      window.dispatchEvent(new CustomEvent(SIGNED_OUT_EVENT, { detail: result.error.key ?? null }));
    return result;
  } catch (e) {
    return {
      ok: false,
      error: { code: 'unavailable', message: `The Sales Workbench server does not answer (${(e as Error).message}). Is it still running?` },
    };
  }
}

/** Calls a method and returns its value, throwing ApiCallError on an error result. */
export async function api<M extends MethodName>(method: M, input: In<M>): Promise<Out<M>> {
  const r = await invoke(method, input);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}

export interface Query<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** Loads a method's result and reloads when `input` changes (compared as JSON). Keeps the last data while reloading, so nothing jumps. */
export function useApi<M extends MethodName>(method: M, input: In<M> | null): Query<Out<M>> {
  const [data, setData] = useState<Out<M>>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [nonce, setNonce] = useState(0);
  const key = input === null ? null : JSON.stringify(input);
  const seq = useRef(0);
  useEffect(() => {
    if (key === null) return;
    const my = ++seq.current;
    setLoading(true);
    void invoke(method, JSON.parse(key) as In<M>).then((r) => {
      if (my !== seq.current) return;
      setLoading(false);
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, [method, key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** Uploads one file (browser host) with progress, or returns null in Electron (use files.pick there). */
export function uploadFile(file: File, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<UploadRef> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/upload?name=${encodeURIComponent(file.name)}`);
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      try {
        const r = JSON.parse(xhr.responseText) as ApiResult<UploadRef>;
        if (r.ok) resolve(r.value);
        else reject(new ApiCallError(r.error));
      } catch {
        reject(new ApiCallError({ code: 'internal', message: `Upload failed (HTTP ${xhr.status}).` }));
      }
    };
    xhr.onerror = () => reject(new ApiCallError({ code: 'unavailable', message: 'Upload failed: the server does not answer.' }));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

/** URL to display or play a stored file (content hash), in either host; the host serves it with the type detected at upload. */
export function fileUrl(sha256: string): string {
  if (isElectron()) return `app://workbench/files/${sha256}`;
  // on a team server the session cookie authorises the file; the solo host's token is in the query
  const t = token();
  return `/files/${sha256}${t ? `?token=${encodeURIComponent(t)}` : ''}`;
}

/** Reads a File as base64 (for small imports such as rosters). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve((r.result as string).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('The file could not be read'));
    r.readAsDataURL(file);
  });
}

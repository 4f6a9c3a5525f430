/**
 * `useNavigate` with a plain `void` return. react-router types navigate as `void | Promise<void>` because a data
 * router may run loaders first; the app uses the declarative HashRouter, where navigation is synchronous, so
 * callers can pass it straight to event handlers without a floating promise.
 */
import { useCallback } from 'react';
import { useNavigate as useRouterNavigate, type NavigateOptions, type To } from 'react-router';

export function useNavigate(): (to: To | number, options?: NavigateOptions) => void {
  const navigate = useRouterNavigate();
  return useCallback(
    (to: To | number, options?: NavigateOptions) => {
      if (typeof to === 'number') void navigate(to);
      else void navigate(to, options);
    },
    [navigate],
  );
}

"use client";

import {
  Picker,
  SearchInput,
  type IPickerListItem,
} from "@livechat/design-system-react-components";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { roleLabel } from "./role-label";
import { statusLabel } from "./status-badge";

// Search, filters and sort live in the URL (`?q=&status=&role=&sort=`): every view can be linked
// and the back button goes back. The server does the filtering; this only edits the URL.

type Option = { value: string; label: string };

interface AgentFiltersProps {
  q: string;
  status: string | null;
  role: string | null;
  sort: string;
  /** The organization's default statuses, shown when the URL names none; none for every status. */
  defaultStatuses?: readonly string[];
  /** The values the server accepts for each parameter. */
  statuses: readonly string[];
  roles: readonly string[];
  sorts: readonly string[];
  /** The longest search the server takes (it cuts longer ones). */
  maxQueryLength: number;
}

const SORT_LABELS: Record<string, string> = { name: "Name", status: "Status", role: "Role" };
const options = (values: readonly string[], label: (value: string) => string): Option[] =>
  values.map((value) => ({ value, label: label(value) }));

const SEARCH_DELAY_MS = 350;

/**
 * Names a Picker's trigger by its label: the Picker of design-system-react-components 2.39.1
 * passes no aria attributes to the button that opens it, which leaves it without a name.
 */
const nameTrigger = (labelId: string) => (wrapper: HTMLDivElement | null) => {
  wrapper?.querySelector('[role="combobox"]')?.setAttribute("aria-labelledby", labelId);
};

const toItem = ({ value, label }: Option): IPickerListItem => ({ key: value, name: label });

/**
 * The status picker's leading options and its selection. Where the organization's default narrows
 * the list, "All statuses" has to say so in the URL (`all`) and no status means the default: one
 * status shows as itself, several as "Default".
 */
function statusChoice(
  status: string | null,
  defaults: readonly string[],
  statuses: readonly string[],
) {
  if (defaults.length === 0 || defaults.length >= statuses.length) {
    return {
      leading: [{ value: "", label: "All statuses" }],
      value: status === "all" ? "" : status,
    };
  }
  const several = defaults.length > 1;
  const leading = [
    { value: "all", label: "All statuses" },
    ...(several ? [{ value: "", label: `Default: ${defaults.map(statusLabel).join(", ")}` }] : []),
  ];
  return { leading, value: status ?? (several ? "" : defaults[0]!) };
}

export function AgentFilters(props: AgentFiltersProps) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(props.q);
  const [urlQ, setUrlQ] = useState(props.q);
  const typed = useRef(false);
  // The URL moved on (the back button, a link): show its search, unless the user has typed
  // something else since the box last matched the URL.
  if (props.q !== urlQ) {
    setUrlQ(props.q);
    if (q.trim() === urlQ) setQ(props.q);
  }
  const status = statusChoice(props.status, props.defaultStatuses ?? [], props.statuses);
  // The latest URL, for the debounced search: a filter picked meanwhile must not be undone.
  const latest = useRef({ params, q: props.q });
  useEffect(() => {
    latest.current = { params, q: props.q };
  }, [params, props.q]);
  const pendingSearch = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const go = (changes: Record<string, string | null>) => {
    // Whatever changes the URL now supersedes a search still waiting to be sent.
    clearTimeout(pendingSearch.current);
    const next = new URLSearchParams(latest.current.params.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // A new search or filter starts again on its first page.
    next.delete("page");
    const search = next.toString();
    router.push(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };

  useEffect(() => {
    if (!typed.current) return;
    pendingSearch.current = setTimeout(() => {
      if (q.trim() !== latest.current.q) go({ q: q.trim() || null });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(pendingSearch.current);
    // Runs per keystroke only: `go` reads the URL through `latest`, not from this render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const picker = (
    id: string,
    label: string,
    options: readonly Option[],
    value: string | null,
    leading: readonly Option[],
  ) => {
    const items = [...leading, ...options].map(toItem);
    const selected = items.find((item) => item.key === (value ?? "")) ?? null;
    return (
      <div ref={nameTrigger(`${id}-label`)}>
        <span className="label" id={`${id}-label`}>
          {label}
        </span>
        <Picker
          id={id}
          options={items}
          selected={selected ? [selected] : null}
          onSelect={(chosen) => go({ [id]: chosen?.[0]?.key || null })}
          hideClearButton
          searchDisabled
        />
      </div>
    );
  };

  return (
    <form
      role="search"
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
        go({ q: q.trim() || null });
      }}
    >
      <div>
        <label htmlFor="agent-search">Search by name or email</label>
        <SearchInput
          id="agent-search"
          value={q}
          maxLength={props.maxQueryLength}
          placeholder="Name or email"
          onChange={(value) => {
            typed.current = true;
            setQ(value);
          }}
        />
      </div>
      {picker(
        "status",
        "Status",
        options(props.statuses, statusLabel),
        status.value,
        status.leading,
      )}
      {picker("role", "Role", options(props.roles, roleLabel), props.role, [
        { value: "", label: "All roles" },
      ])}
      {picker(
        "sort",
        "Sort by",
        options(props.sorts, (value) => SORT_LABELS[value] ?? value),
        props.sort,
        [],
      )}
    </form>
  );
}

"use client";

import type { MouseEvent, ReactNode } from "react";
import { CardTools } from "@/components/editor/card-tools";
import { ClaimEditor } from "@/components/editor/claim-editor";
import { RelationEditor } from "@/components/editor/relation-editor";
import { useMapStore } from "@/components/map/map-store";
import { useMapView, useSearchMatches } from "@/components/map/map-view";
import { PresentFromHere } from "@/components/present/present-links";
import { matchPlaces } from "@/lib/graph/search";
import { cardsOfClaim, type MapIndex } from "@/lib/model/queries";
import type { Card, Relation } from "@/lib/model/schema";
import { ClaimAnalysisNote, RelationAnalysisNote } from "./analysis-note";
import { CardView } from "./card-view";
import { SEARCH_HIT, SearchMarked } from "./search-marks";
import { useFocusClaim } from "./use-focus-claim";

export const INSPECTOR_HEADING_ID = "inspector-heading";

function SideLabel({ side }: { side: "aff" | "neg" }) {
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-bold ${
        side === "aff"
          ? "bg-blue-700 text-white dark:bg-blue-300 dark:text-blue-950"
          : "bg-red-700 text-white dark:bg-red-300 dark:text-red-950"
      }`}
    >
      {side.toUpperCase()}
    </span>
  );
}

function ClaimLink({ id }: { id: string }) {
  const { index } = useMapView();
  const focusClaim = useFocusClaim();
  const claim = index.claims.get(id);
  if (!claim) return <span>{id}</span>;
  return (
    <a
      href={`?focus=${encodeURIComponent(id)}`}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        focusClaim(id, true);
      }}
      className="text-blue-700 underline decoration-1 underline-offset-2 hover:text-blue-900 dark:text-blue-300 dark:hover:text-blue-200"
    >
      {claim.text}
    </a>
  );
}

/** Opens a relation in the inspector: the keyboard path to links, which are not Tab stops on the canvas. */
function OpenRelation({ id }: { id: string }) {
  const { index } = useMapView();
  const select = useMapStore((s) => s.select);
  const relation = index.relations.get(id);
  if (!relation) return null;
  const from = index.claims.get(relation.from)?.text ?? relation.from;
  const undercut = index.relations.has(relation.to);
  const verb = undercut ? "undercuts" : relation.type === "support" ? "supports" : "attacks";
  const to = index.claims.get(relation.to)?.text ?? "a link";
  const kind = undercut ? "undercut" : relation.type;
  const cards = relation.evidence?.length ?? 0;
  // Says what opens: the relation itself, with its cards, not the claim or a web page.
  const shown = `Open this ${kind}${cards > 0 ? ` (${cards} ${cards === 1 ? "card" : "cards"})` : ""}`;
  return (
    <button
      type="button"
      aria-label={`${shown}: ${from} ${verb} ${to}`}
      title={`Show the ${kind} and its cards in the inspector`}
      onClick={() => {
        select({ kind: "relation", id });
        requestAnimationFrame(() => document.getElementById(INSPECTOR_HEADING_ID)?.focus());
      }}
      className="ml-1.5 whitespace-nowrap rounded text-xs font-medium text-slate-600 underline decoration-dotted underline-offset-2 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
    >
      {shown}
    </button>
  );
}

/** A relation end: a claim link, or for an undercut the relation it attacks. */
function TargetLink({ id }: { id: string }) {
  const { index } = useMapView();
  const relation = index.relations.get(id);
  if (!relation) return <ClaimLink id={id} />;
  return (
    <span>
      the link from <ClaimLink id={relation.from} /> to <TargetLink id={relation.to} />
    </span>
  );
}

function RelationList({ title, items }: { title: string; items: { key: string; node: ReactNode }[] }) {
  if (items.length === 0) return null;
  return (
    <section className="mt-4">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {title}
      </h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
        {items.map((item) => (
          <li key={item.key}>{item.node}</li>
        ))}
      </ul>
    </section>
  );
}

/** The claims behind some relations, each with a button that opens its relation. */
function SourceList({ title, relations }: { title: string; relations: Relation[] }) {
  return (
    <RelationList
      title={title}
      items={relations.map((r) => ({
        key: r.id,
        node: (
          <>
            <ClaimLink id={r.from} />
            <OpenRelation id={r.id} />
          </>
        ),
      }))}
    />
  );
}

function Cards({ cards, query }: { cards: Card[]; query?: string }) {
  return (
    <section className="mt-5" aria-labelledby="inspector-cards-heading">
      <h3
        id="inspector-cards-heading"
        className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400"
      >
        Cards ({cards.length})
      </h3>
      {cards.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No evidence yet.</p>
      ) : (
        <div className="mt-2 space-y-3">
          {cards.map((card) => (
            <CardView key={card.id} card={card} query={query} />
          ))}
        </div>
      )}
    </section>
  );
}

/** Why the selected claim matched the search: where its words were found. */
function SearchReason({ query, places }: { query: string; places: string[] }) {
  if (places.length === 0) return null;
  return (
    <p data-testid="search-reason" className="mt-2 text-xs text-slate-700 dark:text-slate-300">
      Search <mark className={`${SEARCH_HIT} px-0.5`}>{query.trim()}</mark> found in {places.join(", ")}
    </p>
  );
}

const VERBS = { support: "Supports", attack: "Attacks" } as const;

function outgoingItems(index: MapIndex, relations: Relation[]) {
  return relations.map((r) => ({
    key: r.id,
    node: (
      <>
        <span className="font-medium">{index.relations.has(r.to) ? "Undercuts" : VERBS[r.type]}</span>{" "}
        <TargetLink id={r.to} />
        <OpenRelation id={r.id} />
      </>
    ),
  }));
}

function ClaimDetails({ id }: { id: string }) {
  const { index, layout } = useMapView();
  const { matches } = useSearchMatches();
  const searched = useMapStore((s) => s.query);
  // Marks only what made this claim a match, not words that happen to appear in another one.
  const query = matches.includes(id) ? searched : undefined;
  const claim = index.claims.get(id);
  if (!claim) return <p className="text-sm">This claim no longer exists.</p>;
  const incoming = index.incoming.get(id) ?? [];
  const kind = layout.nodes.find((n) => n.id === id)?.kind ?? "claim";
  return (
    <>
      <p className="flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        <SideLabel side={claim.side} /> {kind === "thesis" ? "Thesis" : "Claim"}
      </p>
      <h2 id={INSPECTOR_HEADING_ID} tabIndex={-1} className="mt-2 text-lg font-semibold leading-snug">
        <SearchMarked text={claim.text} query={query} />
      </h2>
      {query ? <SearchReason query={query} places={matchPlaces(index, id, query)} /> : null}
      {claim.tags?.length ? (
        <ul className="mt-2 flex flex-wrap gap-1" aria-label="Tags">
          {claim.tags.map((tag) => (
            <li key={tag} className="rounded-full bg-slate-200 px-2 py-0.5 text-xs dark:bg-slate-700">
              <SearchMarked text={tag} query={query} />
            </li>
          ))}
        </ul>
      ) : null}
      {claim.notes ? (
        <p className="mt-3 whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">
          <SearchMarked text={claim.notes} query={query} />
        </p>
      ) : null}
      <ClaimAnalysisNote id={id} />
      <ClaimEditor id={id} />
      <PresentFromHere id={id} />
      <RelationList title="This claim" items={outgoingItems(index, index.outgoing.get(id) ?? [])} />
      <SourceList title="Supported by" relations={incoming.filter((r) => r.type === "support")} />
      <SourceList title="Attacked by" relations={incoming.filter((r) => r.type === "attack")} />
      <SourceList
        title="Its links undercut by"
        relations={(index.outgoing.get(id) ?? []).flatMap((r) => index.incoming.get(r.id) ?? [])}
      />
      <Cards cards={cardsOfClaim(index, id)} query={query} />
      <CardTools target={{ kind: "claim", id }} />
    </>
  );
}

function RelationDetails({ id }: { id: string }) {
  const { index } = useMapView();
  const relation = index.relations.get(id);
  if (!relation) return <p className="text-sm">This relation no longer exists.</p>;
  const undercut = index.relations.has(relation.to);
  const cards = (relation.evidence ?? [])
    .map((e) => index.cards.get(e))
    .filter((c): c is Card => c !== undefined);
  return (
    <>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {undercut ? "Undercut" : relation.type === "support" ? "Support" : "Attack"}
      </p>
      <h2 id={INSPECTOR_HEADING_ID} tabIndex={-1} className="mt-2 text-base font-semibold leading-snug">
        <ClaimLink id={relation.from} />{" "}
        <span className="font-normal">
          {undercut ? "undercuts" : relation.type === "support" ? "supports" : "attacks"}
        </span>{" "}
        <TargetLink id={relation.to} />
      </h2>
      <RelationAnalysisNote id={id} />
      <RelationEditor id={id} />
      <Cards cards={cards} />
      <CardTools target={{ kind: "relation", id }} />
    </>
  );
}

/** The side panel: the selected claim or relation with its links and cards. */
export function Inspector() {
  const selection = useMapStore((s) => s.selection);
  const model = useMapStore((s) => s.model);
  return (
    <aside
      aria-label="Inspector"
      data-testid="inspector"
      className="h-full overflow-y-auto break-words border-l border-slate-200 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-950"
    >
      {selection?.kind === "claim" ? (
        <ClaimDetails id={selection.id} />
      ) : selection?.kind === "relation" ? (
        <RelationDetails id={selection.id} />
      ) : (
        <>
          <h2 id={INSPECTOR_HEADING_ID} tabIndex={-1} className="text-lg font-semibold">
            {model.title}
          </h2>
          {model.resolution ? <p className="mt-2 text-sm font-medium">{model.resolution}</p> : null}
          {model.description ? (
            <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{model.description}</p>
          ) : null}
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
            Select a claim or a link to read its cards. Press <kbd className="font-mono">?</kbd> for keyboard
            shortcuts.
          </p>
        </>
      )}
    </aside>
  );
}

import Link from "next/link";
import { CardView } from "@/components/workspace/card-view";
import { buildClaimTree } from "@/lib/layout/tree";
import { indexMap, type MapIndex } from "@/lib/model/queries";
import type { ArgumentMap, Card, Relation } from "@/lib/model/schema";
import { PrintButton } from "./print-button";

const anchorId = (claimId: string) => `claim-${claimId}`;

function SideTag({ side }: { side: "aff" | "neg" }) {
  return (
    <span
      className={`mr-1.5 inline-block rounded px-1.5 py-0.5 align-middle text-xs font-bold ${
        side === "aff"
          ? "bg-blue-700 text-white dark:bg-blue-300 dark:text-blue-950 print:border print:border-black print:bg-white print:text-black"
          : "bg-red-700 text-white dark:bg-red-300 dark:text-red-950 print:border print:border-black print:bg-white print:text-black"
      }`}
    >
      {side.toUpperCase()}
    </span>
  );
}

function relationCards(index: MapIndex, relation: Relation): Card[] {
  return (relation.evidence ?? []).map((e) => index.cards.get(e)).filter((c): c is Card => c !== undefined);
}

function ownCards(index: MapIndex, claimId: string): Card[] {
  return (index.claims.get(claimId)?.evidence ?? [])
    .map((e) => index.cards.get(e))
    .filter((c): c is Card => c !== undefined);
}

function Cards({ cards }: { cards: Card[] }) {
  if (cards.length === 0) return null;
  return (
    <div className="mt-2 space-y-2">
      {cards.map((card) => (
        <CardView key={card.id} card={card} />
      ))}
    </div>
  );
}

const LABEL = { support: "Supports", attack: "Attacks" } as const;

interface WalkState {
  index: MapIndex;
  shown: Set<string>;
  /** Theses and other top-level claims: each gets its own section, so answers only refer to them. */
  roots: Set<string>;
}

/** The answers to a claim or a relation: claims that support, attack or undercut it. */
function Answers({ targetId, state }: { targetId: string; state: WalkState }) {
  const incoming = state.index.incoming.get(targetId) ?? [];
  if (incoming.length === 0) return null;
  const undercutting = state.index.relations.has(targetId);
  return (
    <ul className="mt-2 space-y-3 border-l-2 border-slate-200 pl-4 dark:border-slate-700 print:border-slate-400">
      {incoming.map((relation) => (
        <AnswerItem
          key={relation.id}
          relation={relation}
          label={undercutting ? "Undercuts" : LABEL[relation.type]}
          state={state}
        />
      ))}
    </ul>
  );
}

function AnswerItem({ relation, label, state }: { relation: Relation; label: string; state: WalkState }) {
  const claim = state.index.claims.get(relation.from);
  if (!claim) return null;
  const reference = state.roots.has(claim.id);
  const repeated = reference || state.shown.has(claim.id);
  if (!reference) state.shown.add(claim.id);
  return (
    <li className="outline-item break-inside-avoid-page" data-testid="outline-item">
      <p>
        <span
          className={`mr-1.5 text-xs font-semibold uppercase tracking-wide ${
            relation.type === "support"
              ? "text-emerald-800 dark:text-emerald-300"
              : "text-red-800 dark:text-red-300"
          } print:text-black`}
        >
          {label}
        </span>
        <SideTag side={claim.side} />
        {repeated ? (
          <>
            <span>{claim.text}</span>{" "}
            <a href={`#${anchorId(claim.id)}`} className="text-sm text-blue-700 underline dark:text-blue-300">
              {reference ? "(its own section)" : "(see above)"}
            </a>
          </>
        ) : (
          <span id={anchorId(claim.id)} className="font-medium">
            {claim.text}
          </span>
        )}
      </p>
      <Cards cards={relationCards(state.index, relation)} />
      {repeated ? null : (
        <>
          <Cards cards={ownCards(state.index, claim.id).filter((c) => !relation.evidence?.includes(c.id))} />
          <Answers targetId={relation.id} state={state} />
          <Answers targetId={claim.id} state={state} />
        </>
      )}
    </li>
  );
}

function RootSection({ claimId, state, heading }: { claimId: string; state: WalkState; heading: string }) {
  const claim = state.index.claims.get(claimId)!;
  const repeated = state.shown.has(claimId);
  state.shown.add(claimId);
  return (
    <section className="mt-8 break-inside-avoid-page" aria-labelledby={`${anchorId(claimId)}-heading`}>
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {heading}
      </p>
      <h2 id={`${anchorId(claimId)}-heading`} className="mt-1 text-xl font-semibold">
        <SideTag side={claim.side} />
        <span id={repeated ? undefined : anchorId(claimId)}>{claim.text}</span>
      </h2>
      {(state.index.outgoing.get(claimId) ?? []).map((r) => {
        const target = state.index.claims.get(r.to);
        return target ? (
          <p key={r.id} className="mt-1 text-sm">
            <span className="font-semibold">{LABEL[r.type]}</span>{" "}
            <a href={`#${anchorId(target.id)}`} className="text-blue-700 underline dark:text-blue-300">
              {target.text}
            </a>
          </p>
        ) : null;
      })}
      <Cards cards={ownCards(state.index, claimId)} />
      {repeated ? null : <Answers targetId={claimId} state={state} />}
    </section>
  );
}

/** The map as a nested outline: each thesis, then what supports, attacks and undercuts it, with cards inline. */
export function MapOutline({ slug, map }: { slug: string; map: ArgumentMap }) {
  const index = indexMap(map);
  const tree = buildClaimTree(map);
  const state: WalkState = { index, shown: new Set(), roots: new Set(tree.roots) };
  const theses = new Set(map.theses);
  return (
    <main className="outline-page mx-auto max-w-3xl break-words px-6 py-8 print:max-w-none print:px-0 print:py-0">
      <nav className="no-print mb-6 flex items-center gap-4 text-sm" aria-label="Outline">
        <Link href="/" className="font-medium text-blue-700 hover:underline dark:text-blue-300">
          ← Library
        </Link>
        <Link href={`/maps/${slug}`} className="font-medium text-blue-700 hover:underline dark:text-blue-300">
          Back to the map
        </Link>
        <span className="flex-1" />
        <PrintButton />
      </nav>
      <h1 className="text-3xl font-bold">{map.title}</h1>
      {map.resolution ? <p className="mt-2 text-lg">{map.resolution}</p> : null}
      {map.description ? (
        <p className="mt-2 text-slate-700 dark:text-slate-300 print:text-black">{map.description}</p>
      ) : null}
      {tree.roots.map((root) => (
        <RootSection
          key={root}
          claimId={root}
          state={state}
          heading={theses.has(root) ? "Thesis" : "Claim outside the theses"}
        />
      ))}
    </main>
  );
}

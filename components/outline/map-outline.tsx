import Link from "next/link";
import { CardView } from "@/components/workspace/card-view";
import { indexMap, type MapIndex } from "@/lib/model/queries";
import { nestReadingOrder, type ReadingNode, readingOrderIn } from "@/lib/model/reading-order";
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

const LABEL = { support: "Supports", attack: "Attacks", undercut: "Undercuts" } as const;

interface OutlineContext {
  index: MapIndex;
  /** Claims with a section of their own: a reference to one points at that section. */
  roots: ReadonlySet<string>;
}

/** The answers below a step: claims that support, attack or undercut it, in reading order. */
function Answers({ nodes, context }: { nodes: readonly ReadingNode[]; context: OutlineContext }) {
  if (nodes.length === 0) return null;
  return (
    <ul className="mt-2 space-y-3 border-l-2 border-slate-200 pl-4 dark:border-slate-700 print:border-slate-400">
      {nodes.map((node) => (
        <AnswerItem key={`${node.step.relation?.id}-${node.step.claimId}`} node={node} context={context} />
      ))}
    </ul>
  );
}

function AnswerItem({ node, context }: { node: ReadingNode; context: OutlineContext }) {
  const { step } = node;
  const claim = context.index.claims.get(step.claimId);
  const relation = step.relation;
  if (!claim || !relation || step.role === "thesis") return null;
  return (
    <li
      className="outline-item break-inside-avoid-page"
      data-testid="outline-item"
      data-claim-id={claim.id}
      data-relation-id={relation.id}
      data-repeat={step.repeat || undefined}
    >
      <p>
        <span
          className={`mr-1.5 text-xs font-semibold uppercase tracking-wide ${
            relation.type === "support"
              ? "text-emerald-800 dark:text-emerald-300"
              : "text-red-800 dark:text-red-300"
          } print:text-black`}
        >
          {LABEL[step.role]}
        </span>
        <SideTag side={claim.side} />
        {step.repeat ? (
          <>
            <span>{claim.text}</span>{" "}
            <a href={`#${anchorId(claim.id)}`} className="text-sm text-blue-700 underline dark:text-blue-300">
              {context.roots.has(claim.id) ? "(its own section)" : "(see above)"}
            </a>
          </>
        ) : (
          <span id={anchorId(claim.id)} className="font-medium">
            {claim.text}
          </span>
        )}
      </p>
      <Cards cards={relationCards(context.index, relation)} />
      {step.repeat ? null : (
        <Cards cards={ownCards(context.index, claim.id).filter((c) => !relation.evidence?.includes(c.id))} />
      )}
      <Answers nodes={node.children} context={context} />
    </li>
  );
}

function RootSection({
  node,
  context,
  heading,
}: {
  node: ReadingNode;
  context: OutlineContext;
  heading: string;
}) {
  const claimId = node.step.claimId;
  const claim = context.index.claims.get(claimId)!;
  return (
    <section
      className="mt-8 break-inside-avoid-page"
      aria-labelledby={`${anchorId(claimId)}-heading`}
      data-claim-id={claimId}
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
        {heading}
      </p>
      <h2 id={`${anchorId(claimId)}-heading`} className="mt-1 text-xl font-semibold">
        <SideTag side={claim.side} />
        <span id={anchorId(claimId)}>{claim.text}</span>
      </h2>
      {(context.index.outgoing.get(claimId) ?? []).map((r) => {
        const target = context.index.claims.get(r.to);
        return target ? (
          <p key={r.id} className="mt-1 text-sm">
            <span className="font-semibold">{LABEL[r.type]}</span>{" "}
            <a href={`#${anchorId(target.id)}`} className="text-blue-700 underline dark:text-blue-300">
              {target.text}
            </a>
          </p>
        ) : null;
      })}
      <Cards cards={ownCards(context.index, claimId)} />
      <Answers nodes={node.children} context={context} />
    </section>
  );
}

/**
 * The map as a nested outline in reading order (`readingOrder`): each thesis, then what supports,
 * attacks and undercuts it, with cards inline; a claim met again is a link to where it is in full.
 */
export function MapOutline({ slug, map }: { slug: string; map: ArgumentMap }) {
  const index = indexMap(map);
  const sections = nestReadingOrder(readingOrderIn(map, index));
  const context: OutlineContext = { index, roots: new Set(sections.map((n) => n.step.claimId)) };
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
      {sections.map((node) => (
        <RootSection
          key={node.step.claimId}
          node={node}
          context={context}
          heading={theses.has(node.step.claimId) ? "Thesis" : "Claim outside the theses"}
        />
      ))}
    </main>
  );
}

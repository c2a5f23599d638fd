import { describe, expect, it } from "vitest";
import { thesisFromTitle } from "./thesis-from-title";

const stated = (title: string) => {
  const thesis = thesisFromTitle(title);
  expect(thesis.placeholder).toBe(false);
  return thesis.text;
};

describe("a new map's thesis from its title", () => {
  it("states a question with a modal as the affirmative's claim", () => {
    expect(stated("Should the US ban TikTok?")).toBe("The US should ban TikTok");
    expect(stated("Should schools ban phones?")).toBe("Schools should ban phones");
    expect(stated("Should college athletes be paid?")).toBe("College athletes should be paid");
    expect(stated("Can the West isolate Iran without Russia?")).toBe(
      "The West can isolate Iran without Russia",
    );
    expect(stated("Should the United States substantially increase its foreign aid?")).toBe(
      "The United States should substantially increase its foreign aid",
    );
    expect(stated("Should NATO not expand eastward?")).toBe("NATO should not expand eastward");
    expect(stated("Will AI replace teachers")).toBe("AI will replace teachers");
  });

  it("states questions with do, does and is", () => {
    expect(stated("Do video games cause violence?")).toBe("Video games cause violence");
    expect(stated("Does homework improve learning?")).toBe("Homework improves learning");
    expect(stated("Does the death penalty deter crime?")).toBe("The death penalty deters crime");
    expect(stated("Is social media harmful?")).toBe("Social media is harmful");
    expect(stated("Is nuclear power a good idea?")).toBe("Nuclear power is a good idea");
    expect(stated("Are standardized tests fair?")).toBe("Standardized tests are fair");
    expect(stated("Is the death penalty justified?")).toBe("The death penalty is justified");
  });

  it("asks for a thesis when the question has another shape", () => {
    for (const title of ["Why do we sleep?", "Who should lead the UN?", "Is it?", "Should they?"]) {
      const thesis = thesisFromTitle(title);
      expect(thesis.placeholder).toBe(true);
      expect(thesis.text).toBe(`Write the thesis: the answer to “${title}”`);
    }
  });

  it("keeps a title that is no question as the thesis", () => {
    expect(thesisFromTitle("  School uniforms  ")).toEqual({ text: "School uniforms", placeholder: false });
    expect(thesisFromTitle("Russia is key to isolating Iran")).toEqual({
      text: "Russia is key to isolating Iran",
      placeholder: false,
    });
  });
});

package app.duet.standalone.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the loop card must hold to at any width, measured in the page: every label inside the card
 * and the screen, uncut, overlapping no other label; no text under 11 px and none drawn in the
 * SVG; the drawing hidden from screen readers; and the two arrows leaving one side's behaviour and
 * ending at the other's trigger, pointing into it, crossing no words on the way.
 */
final class LoopMeasures {

    /** Returns the problems found in a .loop-card, as readable lines; none when all is well. */
    private static final String PROBLEMS = """
            (card) => {
              const problems = [];
              const box = (el) => el.getBoundingClientRect();
              const say = (el) => `${el.className.baseVal ?? el.className} "${el.textContent.trim().slice(0, 40)}"`;
              const hidden = (el) => el.closest('.visually-hidden, [hidden]');
              const c = box(card);
              const screen = document.documentElement.clientWidth;
              const labels = [...card.querySelectorAll('h2, .hint, .loop-side, .loop-side h3, .loop-side > p, .loop-link, .loop-join, .loop-legend li')]
                  .filter((el) => !hidden(el));
              for (const el of labels) {
                const r = box(el);
                if (r.width < 1 || r.height < 1) problems.push(`not shown: ${say(el)}`);
                if (r.left < c.left - 0.5 || r.right > c.right + 0.5 || r.top < c.top - 0.5 || r.bottom > c.bottom + 0.5) problems.push(`outside the card: ${say(el)}`);
                if (r.left < -0.5 || r.right > screen + 0.5) problems.push(`outside the screen: ${say(el)}`);
                if (el.scrollWidth > el.clientWidth + 1) problems.push(`cut at its edge: ${say(el)}`);
              }
              labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => {
                if (a.contains(b) || b.contains(a)) return;
                const p = box(a), q = box(b);
                if (Math.min(p.right, q.right) - Math.max(p.left, q.left) > 0.5 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 0.5)
                  problems.push(`overlap: ${say(a)} and ${say(b)}`);
              }));
              const texts = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
              while (texts.nextNode()) {
                const el = texts.currentNode.parentElement;
                if (!texts.currentNode.textContent.trim() || hidden(el)) continue;
                const size = parseFloat(getComputedStyle(el).fontSize);
                if (size < 11) problems.push(`${size}px text: ${say(el)}`);
              }
              card.querySelectorAll('button.loop-say').forEach((el) => {
                const after = getComputedStyle(el, '::after');
                if (after.content !== 'none' && parseFloat(after.fontSize) < 11) problems.push(`${after.fontSize} hint: ${say(el)}`);
              });
              if (card.querySelector('svg text')) problems.push('words drawn inside the picture, where they shrink with it');
              const svg = card.querySelector('svg.loop-lines');
              if (!svg || svg.getAttribute('aria-hidden') !== 'true') problems.push('no drawing, or one a screen reader reads');
              const sides = [...card.querySelectorAll('.loop-side')];
              const arrows = svg ? [...svg.querySelectorAll('path.loop-arrow')] : [];
              if (sides.length !== 2 || arrows.length !== 2) {
                problems.push(`${sides.length} sides and ${arrows.length} arrows, not 2 and 2`);
                return problems;
              }
              const words = labels.filter((el) => !el.matches('.loop-side'));
              const s = box(svg);
              arrows.forEach((arrow, i) => {
                const length = arrow.getTotalLength();
                const point = (at) => { const p = arrow.getPointAtLength(at); return { x: p.x + s.left, y: p.y + s.top }; };
                const start = point(0), end = point(length);
                const from = box(sides[i].querySelector('.loop-link[data-link="BEHAVIOUR"]'));
                const to = box(sides[1 - i].querySelector('.loop-link[data-link="TRIGGER"]'));
                const edge = (x, panel) => Math.min(Math.abs(x - panel.left), Math.abs(x - panel.right));
                if (length < 20) problems.push(`arrow ${i} is hardly there`);
                if (start.y < from.top || start.y > from.bottom || edge(start.x, box(sides[i])) > 4) problems.push(`arrow ${i} does not leave from the behaviour`);
                if (end.y < to.top || end.y > to.bottom || edge(end.x, box(sides[1 - i])) > 6) problems.push(`arrow ${i} does not end at the trigger`);
                const target = box(sides[1 - i]), last = point(length - 0.5);
                const inwards = Math.abs(end.x - target.left) < Math.abs(end.x - target.right) ? end.x - last.x : last.x - end.x;
                if (inwards < 0.25) problems.push(`arrow ${i} does not point at the side it joins`);
                const a = box(arrow);
                if (a.left < Math.max(c.left, 0) - 1 || a.right > Math.min(c.right, screen) + 1) problems.push(`arrow ${i} runs outside the card`);
                for (let at = 8; at < length - 8; at += 4) {
                  const p = point(at);
                  const under = words.find((el) => { const r = box(el); return p.x > r.left + 1 && p.x < r.right - 1 && p.y > r.top + 1 && p.y < r.bottom - 1; });
                  if (under) { problems.push(`arrow ${i} runs across ${say(under)}`); break; }
                }
              });
              return problems;
            }""";

    private LoopMeasures() {
    }

    /**
     * Waits (bounded) for the loop to settle at the page's present width, screenshots the page and the
     * card as role-screen(.png, -card.png), and fails with every problem found.
     */
    static void check(Page page, String role, String screen) {
        Locator card = page.locator(".loop-card");
        card.scrollIntoViewIfNeeded();
        try {
            page.waitForFunction("() => (" + PROBLEMS + ")(document.querySelector('.loop-card')).length === 0", null,
                    new Page.WaitForFunctionOptions().setTimeout(10_000));
        } catch (PlaywrightException notSettled) {
            // The problems are read and reported below.
        }
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) card.evaluate(PROBLEMS);
        Browsers.screenshot(page, role, screen);
        card.screenshot(new Locator.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve(role + "-" + screen + "-card.png")));
        assertThat(problems).as("the loop on %s's screen, %s", role, screen).isEmpty();
    }
}

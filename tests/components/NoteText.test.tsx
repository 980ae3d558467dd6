// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { NoteText } from '../../components/NoteText';

afterEach(cleanup);

describe('NoteText', () => {
  it('draws bold, italic and http(s) links as elements a reader sees', () => {
    const { container } = render(
      <NoteText text="Police **denied** it *twice*: [statement](https://gov.example/s)" />,
    );
    expect(container.querySelector('strong')?.textContent).toBe('denied');
    expect(container.querySelector('em')?.textContent).toBe('twice');
    const link = screen.getByRole('link', { name: 'statement' });
    expect(link.getAttribute('href')).toBe('https://gov.example/s');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(container.textContent).toBe('Police denied it twice: statement');
  });

  it('shows HTML and script links as the text the reader typed, creating no element', () => {
    const hostile =
      '<img src=x onerror="alert(1)"><script>alert(2)</script> [x](javascript:alert(3)) <a href="https://e.example">e</a>';
    const { container } = render(<NoteText text={hostile} />);
    expect(container.querySelectorAll('img, script, a').length).toBe(0);
    expect(container.textContent).toBe(hostile);
  });

  it('draws nested emphasis inside a link label', () => {
    const { container } = render(<NoteText as="span" text="[**bold *and italic***](http://x.example/)" />);
    expect(container.querySelector('span > a > strong > em')?.textContent).toBe('and italic');
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { RegexField } from './RegexField';

function Harness({ initial = '', errors }: { initial?: string; errors?: string[] }) {
  const [value, setValue] = useState(initial);
  return <RegexField value={value} onChange={setValue} errors={errors} />;
}

const pattern = () => screen.getByLabelText('Pattern');

describe('RegexField', () => {
  it('says at once when the pattern does not compile, beside the field', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(pattern(), '(ab');
    expect(pattern().getAttribute('aria-invalid')).toBe('true');
    const describedBy = pattern().getAttribute('aria-describedby') ?? '';
    const errorList = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(errorList).toMatch(/Invalid regular expression/);
    expect(screen.getByText('Pattern does not compile')).toBeTruthy();

    await user.type(pattern(), ')');
    expect(pattern().getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByText('Pattern compiles')).toBeTruthy();
    expect(screen.queryByText(/Invalid regular expression/)).toBeNull();
  });

  it('accepts the documented lookahead example', () => {
    render(<Harness initial="^(?!.*Test).*$" />);
    expect(screen.getByText('Pattern compiles')).toBeTruthy();
  });

  it('tells whether a sample value matches the pattern', async () => {
    const user = userEvent.setup();
    render(<Harness initial="^(?!.*Test).*$" />);
    const sample = screen.getByLabelText(/Sample value/);
    await user.type(sample, 'Acme Inc');
    expect(screen.getByText('Sample matches')).toBeTruthy();
    await user.clear(sample);
    await user.type(sample, 'Test Corp');
    expect(screen.getByText('Sample does not match')).toBeTruthy();
  });

  it('shows no sample verdict while the pattern does not compile', async () => {
    const user = userEvent.setup();
    render(<Harness initial="(" />);
    await user.type(screen.getByLabelText(/Sample value/), 'anything');
    expect(screen.queryByText(/Sample (matches|does not match)/)).toBeNull();
  });

  it('shows errors handed to it once, even when they repeat the compile error', () => {
    render(
      <Harness initial="(" errors={['Invalid regular expression: /(/: Unterminated group']} />,
    );
    expect(screen.getAllByText('Invalid regular expression: /(/: Unterminated group')).toHaveLength(
      1,
    );
  });
});

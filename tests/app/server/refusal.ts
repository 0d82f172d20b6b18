/** The sentence a refused call throws, as the sidebar shows it; 'no error' when the call ran. */
export function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

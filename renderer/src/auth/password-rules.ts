/**
 * The same password policy core enforces (electron/core/accounts/password.ts), checked here only
 * so the user hears about it on blur; core still decides. Returns an `errors.*` key or null.
 */
export function newPasswordProblem(password: string): string | null {
  if (!password) return 'required'
  if (password.length < 8) return 'password.tooShort'
  if (password.length > 128) return 'password.tooLong'
  const classes = [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(password)).length
  return classes < 2 ? 'password.oneClass' : null
}

/** Who asks for a mail (a reset or confirmation link), as the HTTP layer sees it. */
export interface MailRequestClient {
  /** The client's IP address: requests are limited per address. */
  ip: string;
  /** The reader's Accept-Language, to pick the mail's template. */
  acceptLanguage?: string;
}

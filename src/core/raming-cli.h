/* raming-cli.h: what the command line does without a window
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char *raming_describe_open_error (GFile        *file,
                                  const GError *error);
int   raming_cli_export          (const char   *document,
                                  const char   *format,
                                  const char   *output,
                                  const char   *language,
                                  gboolean      include_actions,
                                  gboolean      landscape);

G_END_DECLS

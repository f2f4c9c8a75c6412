/* raming-monte-carlo.h: the uncertainty band of the realistic total
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _RamingMonteCarlo RamingMonteCarlo;

/* Takes a snapshot of the document (main thread); running it needs no
 * document and can happen in a worker thread. */
RamingMonteCarlo *raming_monte_carlo_new   (gpointer          document);
void              raming_monte_carlo_run   (RamingMonteCarlo *self,
                                            guint32           seed,
                                            guint             samples,
                                            double            quantiles[3]);
guint             raming_monte_carlo_get_n_random (RamingMonteCarlo *self);
void              raming_monte_carlo_free  (RamingMonteCarlo *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RamingMonteCarlo, raming_monte_carlo_free)

G_END_DECLS

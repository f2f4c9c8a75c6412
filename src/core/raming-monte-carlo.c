/* raming-monte-carlo.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every assumption with a range is drawn from a triangular distribution
 * (low, value, high); assumptions that are formulas follow from what they
 * use, so that two estimates sharing an assumption move together. Every
 * realistic estimate is then computed from the drawn values; one with a
 * range of its own is drawn triangular over that range. P10, P50 and P90
 * of the total over all draws form the band. The same seed gives the same
 * numbers, on every machine: GRand is a Mersenne Twister.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "raming-document.h"
#include "raming-monte-carlo.h"
#include "raming-private.h"

typedef struct
{
  RamingFormula *formula;   /* NULL: constant */
  double         constant;  /* also the value when the formula fails */
  guint         *slots;     /* name i of the formula reads slots[i] */
} Program;

typedef enum
{
  SLOT_CONSTANT,
  SLOT_RANDOM,
  SLOT_FORMULA,
} SlotKind;

typedef struct
{
  SlotKind kind;
  double   value;
  double   low;
  double   high;
  Program  program;         /* SLOT_FORMULA */
  gboolean ranged;          /* SLOT_FORMULA with a range of its own */
} Slot;

typedef struct
{
  Program  value;
  Program  low;
  Program  high;
  gboolean ranged;
} Estimate;

struct _RamingMonteCarlo
{
  GArray     *slots;         /* Slot, assumptions first, in evaluation order */
  GHashTable *slot_of;       /* canonical name → slot index + 1 */
  GArray     *estimates;     /* Estimate */
  double      base;          /* sum of the fixed realistic amounts */
  guint       n_random;
  double     *scratch;
  guint       max_names;
};

static void
program_clear (Program *program)
{
  g_clear_pointer (&program->formula, raming_formula_unref);
  g_clear_pointer (&program->slots, g_free);
}

static guint add_assumption_slot (RamingMonteCarlo *self,
                                  RamingDocument   *document,
                                  RamingAssumption *assumption,
                                  GHashTable       *visiting);

/* Index of the slot holding a name's value, creating it (and the slots it
 * depends on) as needed; G_MAXUINT when the name cannot be resolved. */
static guint
slot_for_name (RamingMonteCarlo *self,
               RamingDocument   *document,
               const char       *name,
               GHashTable       *visiting)
{
  g_autofree char *key = raming_partner_canonical_name (name);
  gpointer found = g_hash_table_lookup (self->slot_of, key);
  const char *dot;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  if ((dot = strchr (name, '.')) != NULL)
    {
      g_autofree char *id = g_strndup (name, dot - name);
      RamingPartner *partner = raming_document_find_partner (document, id);
      RamingPartnerField field = raming_partner_field_from_name (dot + 1);
      Slot slot = { SLOT_CONSTANT, 0, };
      guint index;

      if (partner == NULL || field == RAMING_PARTNER_FIELD_INVALID ||
          isnan (raming_partner_get_field (partner, field)))
        return G_MAXUINT;
      slot.value = raming_partner_get_field (partner, field);
      index = self->slots->len;
      g_array_append_val (self->slots, slot);
      g_hash_table_insert (self->slot_of, g_steal_pointer (&key), GUINT_TO_POINTER (index + 1));
      return index;
    }
  else
    {
      RamingAssumption *assumption = raming_document_find_assumption (document, name);

      if (assumption == NULL)
        return G_MAXUINT;
      return add_assumption_slot (self, document, assumption, visiting);
    }
}

static gboolean
compile_program (RamingMonteCarlo *self,
                 RamingDocument   *document,
                 RamingFormula    *formula,
                 double            nominal,
                 Program          *program,
                 GHashTable       *visiting)
{
  guint n = raming_formula_get_n_names (formula);

  program->constant = nominal;
  program->slots = g_new0 (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      guint slot = slot_for_name (self, document, raming_formula_get_name (formula, i), visiting);

      if (slot == G_MAXUINT)
        {
          g_clear_pointer (&program->slots, g_free);
          return FALSE;
        }
      program->slots[i] = slot;
    }
  program->formula = raming_formula_ref (formula);
  self->max_names = MAX (self->max_names, n);
  return TRUE;
}

static guint
add_assumption_slot (RamingMonteCarlo *self,
                     RamingDocument   *document,
                     RamingAssumption *assumption,
                     GHashTable       *visiting)
{
  const char *key = raming_assumption_get_key (assumption);
  RamingCellInput *input = raming_assumption_get_input (assumption);
  double value = raming_assumption_get_value (assumption);
  double low = raming_assumption_get_value_low (assumption);
  double high = raming_assumption_get_value_high (assumption);
  Slot slot = { SLOT_CONSTANT, value, low, high, };
  guint index;

  /* Assumptions in error (cycles among them) are constants here; the cells
   * using them are in error and take no part in the band. */
  if (raming_assumption_get_error (assumption) == NULL &&
      !g_hash_table_contains (visiting, assumption))
    {
      if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_FORMULA &&
          raming_cell_input_get_formula (input) != NULL)
        {
          g_hash_table_add (visiting, assumption);
          if (compile_program (self, document, raming_cell_input_get_formula (input), value,
                               &slot.program, visiting))
            {
              slot.kind = SLOT_FORMULA;
              slot.ranged = !isnan (raming_assumption_get_low (assumption)) ||
                            !isnan (raming_assumption_get_high (assumption));
              if (slot.ranged)
                self->n_random++;
            }
          g_hash_table_remove (visiting, assumption);
        }
      else if (low < high)
        {
          slot.kind = SLOT_RANDOM;
          self->n_random++;
        }
    }

  /* Slots are appended after the slots they read, so evaluating them in
   * order always finds its inputs drawn already. */
  index = self->slots->len;
  g_array_append_val (self->slots, slot);
  g_hash_table_insert (self->slot_of, g_strdup (key), GUINT_TO_POINTER (index + 1));
  return index;
}

static gboolean
compile_input (RamingMonteCarlo *self,
               RamingDocument   *document,
               RamingCellInput  *input,
               double            nominal,
               Program          *program)
{
  g_autoptr(GHashTable) visiting = g_hash_table_new (NULL, NULL);

  program->constant = nominal;
  if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_FORMULA &&
      raming_cell_input_get_formula (input) != NULL)
    return compile_program (self, document, raming_cell_input_get_formula (input), nominal,
                            program, visiting);
  return TRUE;
}

static void
add_realistic (RamingMonteCarlo *self,
               RamingDocument   *document,
               RamingMeasure    *measure)
{
  RamingCell *cell = raming_measure_get_cell (measure, RAMING_COLUMN_REALISTIC);
  RamingCellInput *input = raming_measure_get_input (measure, RAMING_COLUMN_REALISTIC);
  RamingCellInput *low = raming_cell_input_get_low (input);
  RamingCellInput *high = raming_cell_input_get_high (input);
  Estimate estimate = { { 0, }, };

  if (raming_cell_get_kind (cell) != RAMING_CELL_VALUE)
    return;

  if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_AMOUNT && low == NULL && high == NULL)
    {
      self->base += raming_cell_get_value (cell);
      return;
    }

  compile_input (self, document, input, raming_cell_get_value (cell), &estimate.value);
  estimate.low.constant = raming_cell_get_low (cell);
  estimate.high.constant = raming_cell_get_high (cell);
  if (low != NULL)
    compile_input (self, document, low, raming_cell_get_low (cell), &estimate.low);
  if (high != NULL)
    compile_input (self, document, high, raming_cell_get_high (cell), &estimate.high);
  estimate.ranged = low != NULL || high != NULL;
  if (estimate.ranged)
    self->n_random++;

  g_array_append_val (self->estimates, estimate);
}

static void
add_measures (RamingMonteCarlo *self,
              RamingDocument   *document,
              GListModel       *measures)
{
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(RamingMeasure) measure = g_list_model_get_item (measures, i);

      if (raming_measure_get_is_group (measure))
        {
          if (_raming_measure_n_children (measure) > 0)
            add_measures (self, document, raming_measure_get_children (measure));
        }
      else
        add_realistic (self, document, measure);
    }
}

RamingMonteCarlo *
raming_monte_carlo_new (gpointer document)
{
  RamingMonteCarlo *self;

  g_return_val_if_fail (RAMING_IS_DOCUMENT (document), NULL);

  self = g_new0 (RamingMonteCarlo, 1);
  self->slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  self->slot_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->estimates = g_array_new (FALSE, TRUE, sizeof (Estimate));

  add_measures (self, document, raming_document_get_measures (document));
  self->scratch = g_new0 (double, MAX (self->max_names, 1));

  return self;
}

void
raming_monte_carlo_free (RamingMonteCarlo *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->slots->len; i++)
    program_clear (&g_array_index (self->slots, Slot, i).program);
  for (guint i = 0; i < self->estimates->len; i++)
    {
      Estimate *e = &g_array_index (self->estimates, Estimate, i);

      program_clear (&e->value);
      program_clear (&e->low);
      program_clear (&e->high);
    }
  g_array_unref (self->slots);
  g_array_unref (self->estimates);
  g_hash_table_unref (self->slot_of);
  g_free (self->scratch);
  g_free (self);
}

guint
raming_monte_carlo_get_n_random (RamingMonteCarlo *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_random;
}

static double
triangular (GRand  *rand,
            double  low,
            double  mode,
            double  high)
{
  double u, c;

  if (!(high > low))
    return mode;
  mode = CLAMP (mode, low, high);
  u = g_rand_double (rand);
  c = (mode - low) / (high - low);
  if (u < c)
    return low + sqrt (u * (high - low) * (mode - low));
  return high - sqrt ((1 - u) * (high - low) * (high - mode));
}

static double
run_program (RamingMonteCarlo *self,
             const Program    *program,
             const double     *values)
{
  double result;
  guint n;

  if (program->formula == NULL)
    return program->constant;

  n = raming_formula_get_n_names (program->formula);
  for (guint i = 0; i < n; i++)
    self->scratch[i] = values[program->slots[i]];

  /* A draw can make a formula fail where the nominal values do not (a
   * divisor drawn at zero): that draw keeps the nominal figure. */
  if (!raming_formula_evaluate (program->formula, self->scratch, &result, NULL))
    return program->constant;
  return result;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
quantile (const double *sorted,
          guint         n,
          double        p)
{
  double position = p * (n - 1);
  guint below = (guint) floor (position);
  double fraction = position - below;

  if (below + 1 >= n)
    return sorted[n - 1];
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

void
raming_monte_carlo_run (RamingMonteCarlo *self,
                        guint32           seed,
                        guint             samples,
                        double            quantiles[3])
{
  g_autoptr(GRand) rand = NULL;
  g_autofree double *values = NULL;
  g_autofree double *totals = NULL;
  guint n_slots;

  g_return_if_fail (self != NULL);
  g_return_if_fail (quantiles != NULL);

  n_slots = self->slots->len;
  values = g_new0 (double, MAX (n_slots, 1));

  /* Nothing random: every draw is the same total. */
  if (self->n_random == 0 || samples == 0)
    {
      double total = self->base;

      for (guint i = 0; i < n_slots; i++)
        values[i] = g_array_index (self->slots, Slot, i).value;
      for (guint i = 0; i < self->estimates->len; i++)
        total += g_array_index (self->estimates, Estimate, i).value.constant;
      quantiles[0] = quantiles[1] = quantiles[2] = total;
      return;
    }

  rand = g_rand_new_with_seed (seed);
  totals = g_new (double, samples);

  for (guint s = 0; s < samples; s++)
    {
      double total = self->base;

      for (guint i = 0; i < n_slots; i++)
        {
          const Slot *slot = &g_array_index (self->slots, Slot, i);

          switch (slot->kind)
            {
            case SLOT_CONSTANT:
              values[i] = slot->value;
              break;
            case SLOT_RANDOM:
              values[i] = triangular (rand, slot->low, slot->value, slot->high);
              break;
            case SLOT_FORMULA:
              values[i] = run_program (self, &slot->program, values);
              if (slot->ranged)
                values[i] = triangular (rand, slot->low, values[i], slot->high);
              break;
            default:
              g_assert_not_reached ();
            }
        }

      for (guint i = 0; i < self->estimates->len; i++)
        {
          const Estimate *e = &g_array_index (self->estimates, Estimate, i);
          double value = run_program (self, &e->value, values);

          if (e->ranged)
            {
              double low = run_program (self, &e->low, values);
              double high = run_program (self, &e->high, values);

              value = triangular (rand, MIN (low, high), value, MAX (low, high));
            }
          total += value;
        }

      totals[s] = total;
    }

  qsort (totals, samples, sizeof (double), compare_doubles);
  quantiles[0] = quantile (totals, samples, 0.10);
  quantiles[1] = quantile (totals, samples, 0.50);
  quantiles[2] = quantile (totals, samples, 0.90);
}

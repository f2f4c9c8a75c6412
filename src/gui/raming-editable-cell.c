/* raming-editable-cell.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "raming-editable-cell.h"
#include "raming-gui-util.h"

/* A cell shows one thing (the computed, rounded figure) and edits another
 * (what the adviser typed: a formula, a status word, an amount). It is a
 * label until the adviser clicks it or presses Enter or F2, then an entry;
 * Enter or leaving the entry commits, Escape cancels. When the text cannot
 * be taken the entry stays open and says why; nothing else changes. */

/* Its children: an icon before the text when there is one, and the
 * entry while editing, which then takes the text's place. No stack or
 * box in between: a table has hundreds of cells (docs/performance.md,
 * finding 25). The cell draws its text itself, as one PangoLayout shaped
 * once, rather than holding a GtkLabel: a label is one more widget to
 * style and measure, and an ellipsizing one lays its text out again for
 * each width it is asked about (finding 38). */
#define ICON_SPACING 4

typedef struct
{
  GtkWidget *icon;      /* made when first needed */
  char *text;           /* what the cell shows; never NULL */
  PangoLayout *layout;  /* the text, made when first measured or drawn */
  int text_width;       /* its size uncut, or -1 when to be measured */
  int text_height;
  guint text_serial;    /* the Pango context's serial it was measured at */
  GtkWidget *entry;     /* made when first needed */
  GtkWidget *error_popover;
  GtkWidget *error_label;
  GtkWidget *menu_popover;

  GMenuModel *menu;
  char *icon_name;      /* raming_editable_cell_set_icon() */
  char *edit_text;
  float xalign;
  char *error;
  char *accessible_name;

  RamingEditableCellCommitFunc commit_func;
  gpointer commit_data;

  guint editable : 1;
  guint committing : 1;
  guint editing : 1;
} RamingEditableCellPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (RamingEditableCell, raming_editable_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITING,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  EDITING_STARTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_accessible (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  const char *text = priv->text;
  g_autofree char *name = NULL;

  if (priv->accessible_name != NULL)
    name = g_strdup_printf ("%s: %s", priv->accessible_name, text);
  else
    name = g_strdup (text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  priv->error != NULL ? priv->error
                                  : priv->editable ? _("Press Enter to edit") : "",
                                  -1);
  if (priv->entry != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (priv->entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    priv->accessible_name != NULL ? priv->accessible_name : "",
                                    -1);
}

static void on_entry_activate    (RamingEditableCell      *self,
                                  GtkEntry                *entry);
static gboolean on_entry_key_pressed (RamingEditableCell    *self,
                                      guint                  keyval,
                                      guint                  keycode,
                                      GdkModifierType        state,
                                      GtkEventControllerKey *controller);
static void on_entry_focus_leave (RamingEditableCell      *self,
                                  GtkEventControllerFocus *controller);

/* The entry, the error popover and the menu are made when first needed:
 * a table has hundreds of cells, and few are ever edited (this halves
 * the time to the window's first frame, docs/performance.md). */
static GtkWidget *
ensure_entry (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  GtkEventController *controller;

  if (priv->entry != NULL)
    return priv->entry;

  priv->entry = gtk_entry_new ();
  gtk_widget_add_css_class (priv->entry, "cell-entry");
  gtk_editable_set_alignment (GTK_EDITABLE (priv->entry), priv->xalign);
  if (priv->menu != NULL)
    gtk_entry_set_extra_menu (GTK_ENTRY (priv->entry), priv->menu);
  gtk_widget_set_child_visible (priv->entry, priv->editing);
  gtk_widget_insert_before (priv->entry, GTK_WIDGET (self), NULL);
  g_signal_connect_swapped (priv->entry, "activate", G_CALLBACK (on_entry_activate), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);
  gtk_widget_add_controller (priv->entry, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_entry_focus_leave), self);
  gtk_widget_add_controller (priv->entry, controller);

  update_accessible (self);
  return priv->entry;
}

static GtkWidget *
ensure_error_popover (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  if (priv->error_popover != NULL)
    return priv->error_popover;

  priv->error_popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (priv->error_popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (priv->error_popover), TRUE);
  gtk_popover_set_position (GTK_POPOVER (priv->error_popover), GTK_POS_BOTTOM);
  gtk_widget_set_can_focus (priv->error_popover, FALSE);
  gtk_widget_add_css_class (priv->error_popover, "cell-error-popover");
  priv->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (priv->error_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (priv->error_label), 40);
  /* Not measured at width 0: see raming_gui_limit_wrap_minimum(). */
  gtk_label_set_width_chars (GTK_LABEL (priv->error_label), 20);
  gtk_popover_set_child (GTK_POPOVER (priv->error_popover), priv->error_label);
  gtk_widget_set_parent (priv->error_popover, GTK_WIDGET (self));
  return priv->error_popover;
}

static GtkWidget *
ensure_menu_popover (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  if (priv->menu_popover != NULL)
    return priv->menu_popover;

  priv->menu_popover = gtk_popover_menu_new_from_model (priv->menu);
  gtk_widget_set_parent (priv->menu_popover, GTK_WIDGET (self));
  return priv->menu_popover;
}

/* The icon before the text: @icon_name, or none when NULL. */
static void
show_icon (RamingEditableCell *self,
           const char         *icon_name)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  if (icon_name == NULL)
    {
      if (priv->icon != NULL)
        gtk_widget_set_visible (priv->icon, FALSE);
      return;
    }
  if (priv->icon == NULL)
    {
      priv->icon = gtk_image_new ();
      gtk_widget_insert_after (priv->icon, GTK_WIDGET (self), NULL);
      gtk_widget_set_child_visible (priv->icon, !priv->editing);
    }
  gtk_image_set_from_icon_name (GTK_IMAGE (priv->icon), icon_name);
  gtk_widget_set_visible (priv->icon, TRUE);
}

/* The entry in the text's place, or the text back. */
static void
set_editing (RamingEditableCell *self,
             gboolean            editing)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  priv->editing = !!editing;
  if (priv->entry != NULL)
    gtk_widget_set_child_visible (priv->entry, priv->editing);
  if (priv->icon != NULL)
    gtk_widget_set_child_visible (priv->icon, !priv->editing);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
show_error (RamingEditableCell *self,
            const char         *message)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_free (priv->error);
  priv->error = g_strdup (message);

  ensure_entry (self);
  ensure_error_popover (self);
  gtk_widget_add_css_class (priv->entry, "error");
  gtk_entry_set_icon_from_icon_name (GTK_ENTRY (priv->entry), GTK_ENTRY_ICON_SECONDARY,
                                     "dialog-error-symbolic");
  gtk_entry_set_icon_tooltip_text (GTK_ENTRY (priv->entry), GTK_ENTRY_ICON_SECONDARY, message);
  raming_gui_set_tooltip_text (priv->entry, message);
  gtk_label_set_label (GTK_LABEL (priv->error_label), message);
  gtk_widget_add_css_class (GTK_WIDGET (self), "input-error");
  show_icon (self, "dialog-warning-symbolic");
  update_accessible (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_popup (GTK_POPOVER (priv->error_popover));
}

void
raming_editable_cell_clear_error (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  if (priv->error == NULL)
    return;

  g_clear_pointer (&priv->error, g_free);
  if (priv->entry != NULL)
    {
      gtk_widget_remove_css_class (priv->entry, "error");
      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (priv->entry), GTK_ENTRY_ICON_SECONDARY, NULL);
      raming_gui_set_tooltip_text (priv->entry, NULL);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self), "input-error");
  show_icon (self, priv->icon_name);
  if (priv->error_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (priv->error_popover));
  update_accessible (self);
}

const char *
raming_editable_cell_get_error (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_val_if_fail (RAMING_IS_EDITABLE_CELL (self), NULL);
  return priv->error;
}

gboolean
raming_editable_cell_get_editing (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_val_if_fail (RAMING_IS_EDITABLE_CELL (self), FALSE);
  return priv->editing;
}

gboolean
raming_editable_cell_start_editing (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_val_if_fail (RAMING_IS_EDITABLE_CELL (self), FALSE);

  if (!priv->editable)
    return FALSE;
  if (raming_editable_cell_get_editing (self))
    return TRUE;

  raming_editable_cell_clear_error (self);
  ensure_entry (self);
  gtk_editable_set_text (GTK_EDITABLE (priv->entry), priv->edit_text ? priv->edit_text : "");
  set_editing (self, TRUE);
  gtk_widget_grab_focus (priv->entry);
  gtk_editable_select_region (GTK_EDITABLE (priv->entry), 0, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
  g_signal_emit (self, signals[EDITING_STARTED], 0);
  return TRUE;
}

static void
finish_editing (RamingEditableCell *self,
                gboolean            restore_focus)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL &&
                       (focus == priv->entry || gtk_widget_is_ancestor (focus, priv->entry));

  if (priv->error_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (priv->error_popover));
  set_editing (self, FALSE);
  if (restore_focus && had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

/* Returns FALSE when the text was refused. */
static gboolean
commit (RamingEditableCell *self,
        gboolean            leaving)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = TRUE;

  if (priv->committing || !raming_editable_cell_get_editing (self))
    return TRUE;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (priv->entry)));

  /* Keep ourselves alive: the edit may rebind or remove the row. */
  g_object_ref (self);
  priv->committing = TRUE;

  if (g_strcmp0 (text, priv->edit_text ? priv->edit_text : "") != 0 && priv->commit_func != NULL)
    ok = priv->commit_func (self, text, priv->commit_data, &error);

  priv->committing = FALSE;

  if (ok)
    {
      raming_editable_cell_clear_error (self);
      finish_editing (self, !leaving);
    }
  else
    {
      show_error (self, error != NULL ? error->message : _("This text cannot be used here"));
      if (leaving)
        finish_editing (self, FALSE);
    }

  g_object_unref (self);
  return ok;
}

void
raming_editable_cell_stop_editing (RamingEditableCell *self,
                                   gboolean            do_commit)
{
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  if (!raming_editable_cell_get_editing (self))
    return;
  if (do_commit)
    commit (self, FALSE);
  else
    {
      raming_editable_cell_clear_error (self);
      finish_editing (self, TRUE);
    }
}

static void
on_entry_activate (RamingEditableCell *self,
                   GtkEntry           *entry)
{
  commit (self, FALSE);
}

static gboolean
on_entry_key_pressed (RamingEditableCell    *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if (keyval == GDK_KEY_Escape)
    {
      raming_editable_cell_stop_editing (self, FALSE);
      return TRUE;
    }
  return FALSE;
}

static void
on_entry_focus_leave (RamingEditableCell      *self,
                      GtkEventControllerFocus *controller)
{
  /* The error popover never takes the focus, so leaving means the
   * adviser went elsewhere: take the text as with Enter. */
  if (raming_editable_cell_get_editing (self))
    commit (self, TRUE);
}

static void
on_click_released (RamingEditableCell *self,
                   int                 n_press,
                   double              x,
                   double              y,
                   GtkGestureClick    *gesture)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (priv->menu != NULL)
        {
          GdkRectangle rect = { (int) x, (int) y, 1, 1 };

          ensure_menu_popover (self);
          gtk_popover_set_pointing_to (GTK_POPOVER (priv->menu_popover), &rect);
          gtk_popover_popup (GTK_POPOVER (priv->menu_popover));
        }
      return;
    }

  if (!raming_editable_cell_get_editing (self))
    raming_editable_cell_start_editing (self);
}

static void
start_editing_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  raming_editable_cell_start_editing (RAMING_EDITABLE_CELL (widget));
}

static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RamingEditableCell *self = RAMING_EDITABLE_CELL (widget);
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);

  if (priv->menu == NULL)
    return;
  ensure_menu_popover (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (priv->menu_popover), NULL);
  gtk_popover_popup (GTK_POPOVER (priv->menu_popover));
}

/* The text's layout, in the cell's own Pango context: GTK updates that
 * context when the cell's font changes (its style, the desktop's font or
 * text size), and the layout follows the context by itself. Figures get
 * tabular digits, so that they line up in their column. */
static PangoLayout *
ensure_layout (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (priv->layout != NULL && pango_layout_get_context (priv->layout) != context)
    {
      g_clear_object (&priv->layout);
      priv->text_width = -1;
    }
  if (priv->layout == NULL)
    {
      g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

      priv->layout = pango_layout_new (context);
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum 1"));
      pango_layout_set_attributes (priv->layout, attributes);
      pango_layout_set_ellipsize (priv->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_text (priv->layout, priv->text, -1);
    }
  return priv->layout;
}

/* The text's size when not cut short, in pixels; measured again only
 * when the text or the font changed, so that a cell cut short is not
 * laid out twice each time it is drawn. */
static void
get_text_size (RamingEditableCell *self,
               int                *width,
               int                *height)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  PangoLayout *layout = ensure_layout (self);
  guint serial = pango_context_get_serial (pango_layout_get_context (layout));

  if (priv->text_width < 0 || priv->text_serial != serial)
    {
      PangoRectangle logical;

      pango_layout_set_width (layout, -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      priv->text_width = logical.width;
      priv->text_height = logical.height;
      priv->text_serial = serial;
    }
  if (width != NULL)
    *width = priv->text_width;
  if (height != NULL)
    *height = priv->text_height;
}

/* Where the text goes: beside the icon, if there is one. */
static void
get_text_area (RamingEditableCell *self,
               int                *x,
               int                *width)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  GtkWidget *widget = GTK_WIDGET (self);

  *x = 0;
  *width = gtk_widget_get_width (widget);
  if (priv->icon != NULL && gtk_widget_get_visible (priv->icon))
    {
      int icon_width = gtk_widget_get_width (priv->icon);

      *width = MAX (0, *width - icon_width - ICON_SPACING);
      if (gtk_widget_get_direction (widget) != GTK_TEXT_DIR_RTL)
        *x = gtk_widget_get_width (widget) - *width;
    }
}

static void
raming_editable_cell_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  RamingEditableCell *self = RAMING_EDITABLE_CELL (widget);
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);

  if (!priv->editing && priv->text[0] != '\0')
    {
      PangoLayout *layout = ensure_layout (self);
      PangoRectangle logical;
      GdkRGBA color;
      float xalign = priv->xalign;
      int area_x, area_width, natural_width;
      int x, y;

      get_text_size (self, &natural_width, NULL);
      get_text_area (self, &area_x, &area_width);
      /* Cut short with “…” only when it does not fit. */
      pango_layout_set_width (layout, natural_width > area_width ? area_width * PANGO_SCALE : -1);
      pango_layout_get_pixel_extents (layout, NULL, &logical);

      /* Placed as GtkLabel places its text. */
      if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
        xalign = 1.0f - xalign;
      x = area_x + (int) floorf (xalign * (area_width - logical.width)) - logical.x;
      y = (int) floorf ((gtk_widget_get_height (widget) - logical.height) * 0.5f) - logical.y;

#if GTK_CHECK_VERSION (4, 10, 0)
      gtk_widget_get_color (widget, &color);
#else
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
#endif
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
    }

  GTK_WIDGET_CLASS (raming_editable_cell_parent_class)->snapshot (widget, snapshot);
}

static void
raming_editable_cell_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  RamingEditableCell *self = RAMING_EDITABLE_CELL (widget);
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  gboolean with_icon = priv->icon != NULL && gtk_widget_get_visible (priv->icon);
  int icon_min = 0, icon_nat = 0;

  /* As wide and high as the text with its icon, or the entry if that is
   * larger (the cell keeps its size while editing). The text is one line
   * at any width, cut short with “…” when narrower than it needs. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (with_icon)
        {
          gtk_widget_measure (priv->icon, orientation, -1, &icon_min, &icon_nat, NULL, NULL);
          icon_min += ICON_SPACING;
          icon_nat += ICON_SPACING;
        }
      *minimum = 0;
      get_text_size (self, natural, NULL);
      *minimum += icon_min;
      *natural += icon_nat;
    }
  else
    {
      if (with_icon)
        gtk_widget_measure (priv->icon, orientation, -1, &icon_min, &icon_nat, NULL, NULL);
      get_text_size (self, NULL, minimum);
      *natural = *minimum;
      *minimum = MAX (*minimum, icon_min);
      *natural = MAX (*natural, icon_nat);
    }

  if (priv->entry != NULL)
    {
      int entry_min, entry_nat;

      gtk_widget_measure (priv->entry, orientation, for_size, &entry_min, &entry_nat, NULL, NULL);
      *minimum = MAX (*minimum, entry_min);
      *natural = MAX (*natural, entry_nat);
    }
  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
raming_editable_cell_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  RamingEditableCell *self = RAMING_EDITABLE_CELL (widget);
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);

  /* The text needs no allocation: it is drawn beside the icon
   * (get_text_area()). */
  if (priv->editing)
    gtk_widget_allocate (priv->entry, width, height, -1, NULL);
  else if (priv->icon != NULL && gtk_widget_get_visible (priv->icon))
    {
      int icon_width, icon_height;
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
      GskTransform *at;

      gtk_widget_measure (priv->icon, GTK_ORIENTATION_HORIZONTAL, -1, &icon_width, NULL, NULL, NULL);
      gtk_widget_measure (priv->icon, GTK_ORIENTATION_VERTICAL, -1, &icon_height, NULL, NULL, NULL);
      icon_width = MIN (icon_width, width);
      at = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (rtl ? width - icon_width : 0,
                                                                 MAX (0, (height - icon_height) / 2)));
      gtk_widget_allocate (priv->icon, icon_width, MIN (icon_height, height), -1, at);
    }
  if (priv->error_popover != NULL)
    gtk_popover_present (GTK_POPOVER (priv->error_popover));
  if (priv->menu_popover != NULL)
    gtk_popover_present (GTK_POPOVER (priv->menu_popover));
}

static gboolean
raming_editable_cell_grab_focus (GtkWidget *widget)
{
  RamingEditableCell *self = RAMING_EDITABLE_CELL (widget);
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);

  if (raming_editable_cell_get_editing (self))
    return gtk_widget_grab_focus (priv->entry);
  return GTK_WIDGET_CLASS (raming_editable_cell_parent_class)->grab_focus (widget);
}

static gboolean
raming_editable_cell_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  RamingEditableCell *self = RAMING_EDITABLE_CELL (widget);
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);

  if (raming_editable_cell_get_editing (self))
    return gtk_widget_child_focus (priv->entry, direction);

  /* One stop for the whole cell while it shows its figure. */
  if (gtk_widget_is_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

static void
raming_editable_cell_dispose (GObject *object)
{
  RamingEditableCell *self = (RamingEditableCell *) object;
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);

  g_clear_pointer (&priv->icon, gtk_widget_unparent);
  g_clear_object (&priv->layout);
  g_clear_pointer (&priv->entry, gtk_widget_unparent);
  g_clear_pointer (&priv->error_popover, gtk_widget_unparent);
  g_clear_pointer (&priv->menu_popover, gtk_widget_unparent);

  G_OBJECT_CLASS (raming_editable_cell_parent_class)->dispose (object);
}

static void
raming_editable_cell_finalize (GObject *object)
{
  RamingEditableCell *self = (RamingEditableCell *) object;
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);

  g_clear_object (&priv->menu);
  g_free (priv->text);
  g_free (priv->edit_text);
  g_free (priv->icon_name);
  g_free (priv->error);
  g_free (priv->accessible_name);

  G_OBJECT_CLASS (raming_editable_cell_parent_class)->finalize (object);
}

static void
raming_editable_cell_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RamingEditableCell *self = RAMING_EDITABLE_CELL (object);
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, raming_editable_cell_get_editing (self));
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, priv->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_editable_cell_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RamingEditableCell *self = RAMING_EDITABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      raming_editable_cell_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
raming_editable_cell_class_init (RamingEditableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = raming_editable_cell_dispose;
  object_class->finalize = raming_editable_cell_finalize;
  object_class->get_property = raming_editable_cell_get_property;
  object_class->set_property = raming_editable_cell_set_property;

  widget_class->measure = raming_editable_cell_measure;
  widget_class->snapshot = raming_editable_cell_snapshot;
  widget_class->size_allocate = raming_editable_cell_size_allocate;
  widget_class->grab_focus = raming_editable_cell_grab_focus;
  widget_class->focus = raming_editable_cell_focus;

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EDITING_STARTED] = g_signal_new ("editing-started",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "cell.edit", NULL, start_editing_action);
  gtk_widget_class_install_action (widget_class, "cell.popup-menu", NULL, popup_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "cell.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "cell.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "cell.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "cell.popup-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "cell.popup-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "editablecell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
raming_editable_cell_init (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  GtkGesture *gesture;

  priv->editable = TRUE;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "editable-cell");

  priv->text = g_strdup ("");
  priv->text_width = -1;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  update_accessible (self);
}

GtkWidget *
raming_editable_cell_new (void)
{
  return g_object_new (RAMING_TYPE_EDITABLE_CELL, NULL);
}

void
raming_editable_cell_set_commit_func (RamingEditableCell           *self,
                                      RamingEditableCellCommitFunc  func,
                                      gpointer                      user_data)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  priv->commit_func = func;
  priv->commit_data = user_data;
}

void
raming_editable_cell_set_text (RamingEditableCell *self,
                               const char         *text)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, priv->text) == 0)
    return;
  g_free (priv->text);
  priv->text = g_strdup (text);
  if (priv->layout != NULL)
    pango_layout_set_text (priv->layout, priv->text, -1);
  priv->text_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  update_accessible (self);
}

const char *
raming_editable_cell_get_text (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_val_if_fail (RAMING_IS_EDITABLE_CELL (self), NULL);
  return priv->text;
}

void
raming_editable_cell_set_edit_text (RamingEditableCell *self,
                                    const char         *edit_text)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  g_free (priv->edit_text);
  priv->edit_text = g_strdup (edit_text);
}

void
raming_editable_cell_set_editable (RamingEditableCell *self,
                                   gboolean            editable)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  editable = !!editable;
  if (priv->editable == editable)
    return;
  priv->editable = editable;
  if (!editable)
    raming_editable_cell_stop_editing (self, FALSE);
  if (editable)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "read-only");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "read-only");
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
raming_editable_cell_get_editable (RamingEditableCell *self)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_val_if_fail (RAMING_IS_EDITABLE_CELL (self), FALSE);
  return priv->editable;
}

void
raming_editable_cell_set_xalign (RamingEditableCell *self,
                                 float               xalign)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  priv->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (priv->entry != NULL)
    gtk_editable_set_alignment (GTK_EDITABLE (priv->entry), xalign);
}

/* An icon before the text, e.g. for an overdue action; an error icon
 * takes its place while the cell has an input error. */
void
raming_editable_cell_set_icon (RamingEditableCell *self,
                               const char         *icon_name)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  if (g_strcmp0 (priv->icon_name, icon_name) == 0)
    return;
  g_free (priv->icon_name);
  priv->icon_name = g_strdup (icon_name);
  if (priv->error == NULL)
    show_icon (self, icon_name);
}

void
raming_editable_cell_set_menu (RamingEditableCell *self,
                               GMenuModel         *menu)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  if (!g_set_object (&priv->menu, menu))
    return;
  if (priv->menu_popover != NULL)
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (priv->menu_popover), menu);
  if (priv->entry != NULL)
    gtk_entry_set_extra_menu (GTK_ENTRY (priv->entry), menu);
}

void
raming_editable_cell_set_accessible_name (RamingEditableCell *self,
                                          const char         *name)
{
  RamingEditableCellPrivate *priv = raming_editable_cell_get_instance_private (self);
  g_return_if_fail (RAMING_IS_EDITABLE_CELL (self));

  if (g_strcmp0 (priv->accessible_name, name) == 0)
    return;
  g_free (priv->accessible_name);
  priv->accessible_name = g_strdup (name);
  update_accessible (self);
}

GtkEditable *
raming_editable_cell_get_entry (RamingEditableCell *self)
{
  g_return_val_if_fail (RAMING_IS_EDITABLE_CELL (self), NULL);
  return GTK_EDITABLE (ensure_entry (self));
}

# Comity (fr): words shared by every capability's forms

form-csrf-failed = Ce formulaire a expiré ou ne provient pas de ce site. Rechargez la page et soumettez-le de nouveau.
form-sign-in = Veuillez d'abord vous connecter.
form-failed = L'acte n'a pas pu être enregistré ; aucune modification n'a été apportée. Les détails figurent dans les journaux d'exécution du serveur.
form-too-fast = Trop d’actes depuis votre compte en peu de temps ; rien n’a été enregistré. Réessayez dans { $seconds } secondes.
form-hidden-character-title = Non enregistré : un caractère caché
form-hidden-character = Rien n’a été enregistré. { $detail }. Les caractères de contrôle et les forçages de direction ne peuvent figurer dans un texte : ils masquent ou réordonnent ce que d’autres lisent. Revenez en arrière, retirez-le et renvoyez le formulaire.
form-journal-faulty = Le journal ne peut plus être suivi (une entrée ne s'enchaîne pas, ou des entrées ont été retirées) : rien n'est enregistré tant que les opérateurs ne l'ont pas réparé. /healthz indique ce qui a été constaté.
form-number = Indiquez le numéro de l'amendement.
form-time = Indiquez une heure au format 2026-12-01T17:00:00Z.
form-choose-state = Choisissez l'État au nom duquel vous votez.
form-unknown-act = Ce formulaire demande un acte que la plateforme ne connaît pas.
refused-field-empty = { $field } : ce champ ne peut pas être vide.
refused-field-too-long = { $field } : { $max } caractères au maximum.
refused-duplicate = { $name } figure deux fois.
form-choose-organ = Choisissez l’organe qui rend l’avis.
form-count = Indiquez un nombre entier de voix (0 ou plus).

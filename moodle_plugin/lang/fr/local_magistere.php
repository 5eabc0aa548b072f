<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Language strings of local_magistere (French).
 *
 * @package    local_magistere
 * @category   string
 * @copyright  2026 magistere contributors
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

$string['activities'] = 'Activités';
$string['activity'] = 'Activité';
$string['bulkactions'] = 'Avec les participants sélectionnés';
$string['checkdataquality'] = 'Qualité des données m@gistère';
$string['checkextension'] = 'Extension PHP magistere';
$string['circonscription'] = 'Circonscription';
$string['circonscriptionpage'] = 'Ma circonscription';
$string['column:academie'] = 'Académie';
$string['column:circonscription'] = 'Code de circonscription';
$string['column:city'] = 'Commune';
$string['column:code'] = 'Code';
$string['column:degre'] = 'Degré (1D, 2D)';
$string['column:departement'] = 'Département';
$string['column:name'] = 'Nom';
$string['column:secteur'] = 'Secteur (public, privé)';
$string['column:uai'] = 'UAI';
$string['column:username'] = 'Nom d\'utilisateur';
$string['confirmdelete'] = 'Supprimer cet enregistrement ?';
$string['confirmduration'] = 'La durée prévue du parcours, {$a}, sera créditée à chacun.';
$string['confirmfinish'] = 'Attester la formation terminée pour ces {$a} participant(s) ?';
$string['confirmmark'] = 'Confirmer la modification';
$string['confirmnoduration'] = 'Ce parcours n\'a pas de durée prévue : aucun temps ne sera crédité.';
$string['confirmunfinish'] = 'Retirer l\'attestation « formation terminée » de ces {$a} participant(s) ? Leur temps crédité sera retiré.';
$string['contactadmin'] = 'Veuillez contacter l\'administrateur du site.';
$string['countedin'] = 'Les statistiques vous comptent dans ces cases (jamais nominativement) :';
$string['coursecomplete'] = 'Cours achevé';
$string['credited'] = 'Temps crédité';
$string['creditedminutes'] = 'Minutes créditées';
$string['creditedtime'] = '{$a} crédité(es)';
$string['dataquality:count'] = 'Lignes';
$string['dataquality:counts'] = 'Anomalies par table, champ et problème';
$string['dataquality:failed'] = 'Les données n\'ont pas pu être lues : {$a}';
$string['dataquality:field'] = 'Champ';
$string['dataquality:fix:ambiguous_field'] = 'Deux champs portent le nom abrégé que le plugin doit utiliser : renommez ou supprimez celui en trop (celui dont l\'identifiant est le plus petit est lu).';
$string['dataquality:fix:case_mismatch'] = 'Écrivez le code exactement comme dans la liste des circonscriptions (réimportez les écoles ou les inspecteurs, ou modifiez la ligne).';
$string['dataquality:fix:duplicate_id'] = 'Deux lignes ont le même identifiant : la base a perdu sa clé primaire ; faites réparer la table par l\'administrateur de la base.';
$string['dataquality:fix:duplicate_key'] = 'Une ligne répète une clé qui doit être unique (seule la première est lue) : supprimez le doublon.';
$string['dataquality:fix:empty_value'] = 'Renseignez le code vide, ou supprimez la ligne.';
$string['dataquality:fix:invalid_duration'] = 'Saisissez la durée prévue du parcours en nombre entier de minutes (150, et non « 2h30 ») dans les paramètres du cours.';
$string['dataquality:fix:invalid_text'] = 'Modifiez le nom pour en retirer les caractères de contrôle ou les caractères abîmés (affichés ici comme sur les pages).';
$string['dataquality:fix:invalid_value'] = 'Corrigez la valeur (le message dit ce que le moteur a lu à la place).';
$string['dataquality:fix:missing_reference'] = 'La ligne désigne une ligne qui n\'existe plus (cours, utilisateur, activité supprimés…) : supprimez-la, ou rétablissez ce qu\'elle désigne. Moodle lui-même l\'ignore.';
$string['dataquality:fix:section_mismatch'] = 'Les sections et les activités du cours ne concordent pas : lancez admin/cli/fix_course_sequence.php pour ce cours.';
$string['dataquality:found'] = '{$a} anomalies dans les données lues par le suivi de progression. Toutes les pages répondent : chaque ligne fautive est ignorée ou lue comme Moodle l\'afficherait. Corrigez-les à la source.';
$string['dataquality:id'] = 'Identifiant de ligne';
$string['dataquality:list'] = 'Les {$a} premières anomalies';
$string['dataquality:message'] = 'Ce que le moteur a trouvé et fait';
$string['dataquality:more'] = 'Et {$a} autres : les décomptes ci-dessus les incluent.';
$string['dataquality:noextension'] = 'L\'extension PHP magistere n\'est pas chargée : les données ne peuvent pas être vérifiées (voir la vérification de l\'extension).';
$string['dataquality:ok'] = 'Aucune anomalie : toutes les lignes lues par le suivi de progression sont cohérentes.';
$string['dataquality:problem'] = 'Problème';
$string['dataquality:table'] = 'Table';
$string['dataquality:whattodo'] = 'Que faire';
$string['dimension:academie'] = 'Académie';
$string['dimension:circonscription'] = 'Circonscription';
$string['dimension:degre'] = 'Degré';
$string['dimension:departement'] = 'Département';
$string['dimension:parcours'] = 'Parcours';
$string['dimension:secteur'] = 'Secteur';
$string['dimensions'] = 'Dimensions';
$string['done'] = 'Réalisées';
$string['downloadtable'] = 'Télécharger le tableau en';
$string['duration'] = 'Durée prévue';
$string['durationcategory'] = 'm@gistère';
$string['durationfielddesc'] = 'Durée prévue du parcours, en minutes. Créditée à chaque participant dont un formateur atteste la formation terminée.';
$string['durationfieldname'] = 'Durée prévue (minutes)';
$string['engineconnection'] = 'Le moteur de suivi ne parvient pas à joindre la base de données.';
$string['engineerror'] = 'Le moteur de suivi n\'a pas pu répondre.';
$string['enginesettings'] = 'Les réglages du suivi sont invalides : vérifiez-les dans Administration du site > Plugins > Plugins locaux > Suivi m@gistère.';
$string['enrolments'] = 'Inscriptions';
$string['environmentextension'] = 'L\'extension PHP magistere calcule toutes les pages du suivi m@gistère : compilez-la et activez-la (docs/moodle.md), puis redémarrez PHP.';
$string['error:circinuse'] = 'La circonscription {$a} est encore utilisée par des établissements ou des inspecteurs.';
$string['error:code'] = '« {$a} » n\'est pas un code valide (lettres, chiffres, point, tiret et souligné uniquement).';
$string['error:degre'] = '« {$a} » n\'est pas un degré : 1D, 2D ou vide.';
$string['error:duplicatecolumn'] = 'La colonne {$a} apparaît deux fois.';
$string['error:duplicateline'] = 'Même clé qu\'à la ligne {$a}.';
$string['error:exists'] = '{$a} existe déjà.';
$string['error:missingcolumn'] = 'La colonne obligatoire {$a} est absente.';
$string['error:required'] = 'La valeur de {$a} est obligatoire.';
$string['error:secteur'] = '« {$a} » n\'est pas un secteur : public, prive ou vide.';
$string['error:toolong'] = 'La valeur de {$a} est trop longue.';
$string['error:uai'] = '« {$a} » n\'est pas un UAI valide (7 caractères et une lettre clé).';
$string['error:unknowncirc'] = 'Circonscription {$a} inconnue : importez d\'abord les circonscriptions.';
$string['error:unknownuser'] = 'Aucun utilisateur n\'a le nom d\'utilisateur {$a}.';
$string['eventtrainingmarked'] = 'Formation attestée';
$string['exportattestations_task'] = 'Exporter le fichier des attestations';
$string['exportfoldererror'] = 'Le dossier d\'export {$a} n\'est pas accessible en écriture.';
$string['exportstatistics_task'] = 'Exporter le fichier des statistiques';
$string['exportwritten'] = '{$a->path} écrit ({$a->count} entrées).';
$string['extensioninstall'] = 'Sur le serveur web, en root : installez les outils de compilation (apt-get install php{$a->php}-dev libmariadb-dev libxml2-dev), compilez l\'extension depuis les sources de magistere (phpize && ./configure && make && make install), ajoutez « extension=magistere » dans un fichier de {$a->ini} (pour le serveur web et la ligne de commande), puis redémarrez PHP-FPM ou le serveur web. Voir docs/moodle.md.';
$string['extensionloaded'] = 'L\'extension magistere {$a} est chargée.';
$string['extensionmissing'] = 'L\'extension PHP magistere n\'est pas chargée dans PHP {$a->php} : le suivi ne peut pas être affiché.';
$string['extensionmissingtask'] = 'L\'extension PHP magistere n\'est pas chargée : rien n\'a été exporté.';
$string['finished'] = 'Formation terminée';
$string['hoursminutes'] = '{$a->h} h {$a->m}';
$string['import:circ'] = 'Importer des circonscriptions';
$string['import:circ_help'] = 'Une ligne par circonscription. Une ligne dont le code existe la met à jour.';
$string['import:inspector'] = 'Importer des inspecteurs';
$string['import:inspector_help'] = 'Une ligne par inspecteur et circonscription ; l\'utilisateur et la circonscription doivent exister.';
$string['import:school'] = 'Importer des établissements';
$string['import:school_help'] = 'Une ligne par établissement. Une ligne dont l\'UAI existe le met à jour. Importez d\'abord les circonscriptions.';
$string['importaction:create'] = 'Nouveau';
$string['importaction:skip'] = 'Ignoré';
$string['importaction:update'] = 'Mise à jour';
$string['importcolumns'] = 'Colonnes';
$string['importconfirm'] = 'Importer les lignes valides';
$string['importdone'] = '{$a->created} créé(s), {$a->updated} mis à jour, {$a->skipped} ignoré(s).';
$string['importsummary'] = '{$a->total} ligne(s) : {$a->valid} valide(s), {$a->invalid} en erreur (ignorée(s)).';
$string['importunreadable'] = 'Le fichier est illisible : {$a}';
$string['inspectors'] = 'Inspecteurs de votre circonscription';
$string['inspectorsummary'] = '{$a->teachers} enseignant(s), {$a->enrolments} inscription(s), {$a->finished} terminée(s), {$a->credited} crédité(es).';
$string['invalidaction'] = 'Action inconnue.';
$string['invalidimporttype'] = 'Type d\'enregistrements inconnu.';
$string['line'] = 'Ligne';
$string['magistere:manage'] = 'Gérer les établissements, circonscriptions et inspecteurs';
$string['magistere:mark'] = 'Attester la formation terminée des participants';
$string['magistere:viewcirconscription'] = 'Voir les enseignants de sa circonscription (inspecteur)';
$string['magistere:viewmytrainings'] = 'Voir ses propres formations';
$string['magistere:viewown'] = 'Voir sa propre progression dans un parcours';
$string['magistere:viewstatistics'] = 'Voir les statistiques non nominatives';
$string['magistere:viewtrainer'] = 'Voir la progression des participants (formateur)';
$string['magistere:viewtransparency'] = 'Voir ce que chaque rôle voit de soi';
$string['manage:circ'] = 'Circonscriptions';
$string['manage:inspector'] = 'Inspecteurs';
$string['manage:school'] = 'Établissements';
$string['markedby'] = 'par {$a}';
$string['markedfinished'] = '{$a} participant(s) attesté(s) « formation terminée ».';
$string['markedunfinished'] = '{$a} participant(s) marqué(s) « formation non terminée ».';
$string['markfinished'] = 'Attester la formation terminée';
$string['markunfinished'] = 'Retirer l\'attestation';
$string['messageuser'] = 'Envoyer un message à {$a}';
$string['ministry'] = 'Le ministère';
$string['myprogress'] = 'Ma progression';
$string['mytrainings'] = 'Mes formations';
$string['mytrainings:hidden'] = 'Parcours masqué';
$string['mytrainings:noprogress'] = 'Pas de progression affichée';
$string['mytrainings:over'] = 'Session terminée';
$string['never'] = 'Personne, pas même vous, ne voit jamais';
$string['never:clicks'] = 'vos clics';
$string['never:connection_time'] = 'votre temps de connexion';
$string['never:last_access'] = 'votre dernier accès';
$string['never:pages_viewed'] = 'les pages que vous avez consultées';
$string['never:resources_viewed'] = 'les ressources que vous avez consultées';
$string['noacademie'] = 'Renseignez le code de l\'académie de ce site dans les réglages avant d\'exporter les statistiques.';
$string['noactivities'] = 'Aucune activité n\'est suivie dans ce parcours.';
$string['nomarked'] = 'Non terminée';
$string['noschool'] = 'Aucun établissement connu';
$string['noselection'] = 'Sélectionnez au moins un participant.';
$string['noteachers'] = 'Aucun enseignant de votre circonscription ne participe à un parcours.';
$string['notfound'] = 'Parcours, utilisateur ou circonscription inconnu.';
$string['nothingtoundo'] = 'Rien à annuler.';
$string['nothingyet'] = 'Vous ne participez encore à aucun parcours.';
$string['notparticipants'] = 'Ces utilisateurs ne sont pas participants du parcours : {$a}';
$string['notrecorded'] = 'Non renseigné';
$string['otherparticipants'] = 'Les autres participants voient';
$string['parcours'] = 'Parcours';
$string['parcourspage'] = 'Suivi du parcours';
$string['participantsof'] = 'Participants ({$a})';
$string['percent'] = 'Pourcentage';
$string['perpage'] = 'Par page';
$string['pluginname'] = 'Suivi m@gistère';
$string['privacy:metadata:local_magistere_inspector'] = 'Quels utilisateurs inspectent quelle circonscription.';
$string['privacy:metadata:local_magistere_inspector:circonscription'] = 'Le code de la circonscription.';
$string['privacy:metadata:local_magistere_inspector:userid'] = 'L\'inspecteur.';
$string['privacy:metadata:local_magistere_mark'] = 'L\'attestation « formation terminée » de chaque participant par le formateur.';
$string['privacy:metadata:local_magistere_mark:courseid'] = 'Le parcours.';
$string['privacy:metadata:local_magistere_mark:creditedminutes'] = 'La durée prévue créditée lors de l\'attestation.';
$string['privacy:metadata:local_magistere_mark:finished'] = 'Si la formation est terminée.';
$string['privacy:metadata:local_magistere_mark:modifiedby'] = 'Le formateur qui a modifié l\'attestation en dernier.';
$string['privacy:metadata:local_magistere_mark:timemodified'] = 'Quand l\'attestation a changé pour la dernière fois.';
$string['privacy:metadata:local_magistere_mark:userid'] = 'Le participant.';
$string['privacy:metadata:local_magistere_mark_hist'] = 'La trace de chaque modification d\'une attestation.';
$string['privacy:metadata:local_magistere_mark_hist:courseid'] = 'Le parcours.';
$string['privacy:metadata:local_magistere_mark_hist:creditedminutes'] = 'Les minutes créditées après la modification.';
$string['privacy:metadata:local_magistere_mark_hist:finished'] = 'L\'état après la modification.';
$string['privacy:metadata:local_magistere_mark_hist:modifiedby'] = 'Le formateur auteur de la modification.';
$string['privacy:metadata:local_magistere_mark_hist:timemodified'] = 'Quand la modification a été faite.';
$string['privacy:metadata:local_magistere_mark_hist:userid'] = 'Le participant.';
$string['privacy:metadata:preference:perpage'] = 'Combien de participants un formateur voit par page.';
$string['progressindicative'] = 'Votre progression est indicative : c\'est votre formateur qui atteste que votre formation est terminée.';
$string['progresslabel'] = '{$a->done} activités réalisées sur {$a->tracked} ({$a->percent} %)';
$string['school'] = 'Établissement';
$string['secteur:prive'] = 'Privé';
$string['secteur:public'] = 'Public';
$string['selectall'] = 'Sélectionner tous les participants de la page';
$string['selectparticipant'] = 'Sélectionner {$a}';
$string['settings'] = 'Réglages';
$string['settings:academie'] = 'Code de l\'académie';
$string['settings:academie_desc'] = 'Le code de l\'académie de ce site (par exemple AIX-MARSEILLE) : il désigne le producteur du fichier d\'échange statistique.';
$string['settings:durationfield'] = 'Champ de cours de la durée';
$string['settings:durationfield_desc'] = 'Nom abrégé du champ personnalisé de cours qui contient la durée prévue en minutes. Le plugin crée magistere_duration à l\'installation.';
$string['settings:exportdimensions'] = 'Dimensions de l\'export statistique';
$string['settings:exportdimensions_desc'] = 'Séparées par des virgules, parmi academie, departement, circonscription, degre, secteur, parcours.';
$string['settings:exportfolder'] = 'Dossier d\'export';
$string['settings:exportfolder_desc'] = 'Dossier où les tâches planifiées écrivent les fichiers des attestations et des statistiques. Vide : local_magistere dans le dossier de données.';
$string['settings:k'] = 'Seuil de confidentialité k';
$string['settings:k_desc'] = 'Une case statistique construite à partir de moins de k personnes est masquée. Au moins 3.';
$string['settings:participantroles'] = 'Rôles participants';
$string['settings:participantroles_desc'] = 'Noms abrégés des rôles, séparés par des virgules, qui font d\'un utilisateur un participant du parcours.';
$string['settings:schoolfield'] = 'Champ de profil établissement';
$string['settings:schoolfield_desc'] = 'Nom abrégé du champ de profil qui contient l\'UAI de l\'établissement de l\'enseignant.';
$string['settings:source'] = 'Source des données';
$string['settings:source:auto'] = 'Automatique : lecture directe de la base sur MariaDB/MySQL';
$string['settings:source:rows'] = 'Toujours par la couche base de données de Moodle';
$string['settings:source_desc'] = 'Sur MariaDB/MySQL le moteur lit la base de Moodle avec les réglages de Moodle ; sur les autres bases, le plugin lui passe les lignes dont chaque page a besoin.';
$string['settings:trainerroles'] = 'Rôles formateurs';
$string['settings:trainerroles_desc'] = 'Noms abrégés des rôles, séparés par des virgules, qui font d\'un utilisateur un formateur du parcours.';
$string['showing'] = '{$a->count} participant(s) affiché(s) sur {$a->total}';
$string['state:complete'] = 'Réalisée';
$string['state:fail'] = 'Échouée';
$string['state:incomplete'] = 'Non réalisée';
$string['state:pass'] = 'Réussie';
$string['stateof'] = '{$a->activity} : {$a->state}';
$string['statisticsexplanation'] = 'Effectifs et heures créditées, jamais de noms. Une case construite à partir de moins de {$a} personnes est masquée, ainsi que d\'autres cases pour qu\'elle ne puisse pas être recalculée à partir des totaux.';
$string['statisticspage'] = 'Statistiques des formations';
$string['statisticsxml'] = 'Télécharger le fichier d\'échange statistique (XML)';
$string['status:enrolled'] = 'Inscrit';
$string['status:finished'] = 'Terminée';
$string['suppressed'] = 'Masqué';
$string['suppressedcell'] = 'Masqué (moins de k personnes)';
$string['teachers'] = 'Enseignants';
$string['totalcredited'] = 'Temps total crédité : {$a}';
$string['tracked'] = 'Suivies';
$string['trainers'] = 'Formateurs';
$string['trainersee'] = 'Vos formateurs voient';
$string['trainersummary'] = '{$a->participants} participant(s), {$a->finished} attesté(s) « formation terminée ».';
$string['trainingsastrainer'] = 'Parcours que vous animez';
$string['transparencyintro'] = 'Cette page montre exactement ce que chaque rôle voit de vous dans ce parcours, produit par le même code que leurs pages.';
$string['transparencypage'] = 'Qui voit quoi me concernant';
$string['uai'] = 'UAI';
$string['undo'] = 'Annuler';
$string['undone'] = 'La modification a été annulée.';
$string['viewpage'] = 'voir cette page de suivi';
$string['whosees'] = 'Qui';
$string['you'] = 'Vous voyez';
